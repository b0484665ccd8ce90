/**
 * The plan-related PAR-index criteria scored from the report's figures, in memory. Rules (provincial example, Cà Mau
 * QĐ 1880/QĐ-UBND): "results to achieve clear and each unit's responsibility defined" earns its point only when every
 * task has an accountable lead unit AND a readable deadline; plan completion > 90 % full, 70–90 % half, < 70 % none.
 */
import { describe, expect, it } from 'vitest';
import { assessParCriteria, DEFAULT_PAR_CRITERIA } from '../src/core/measuring/par';

const RESPONSIBILITIES = DEFAULT_PAR_CRITERIA.filter((c) => c.id === 'responsibilities');
const COMPLETION = DEFAULT_PAR_CRITERIA.filter((c) => c.id === 'completion');
const rates = { completion: 0.95, onTime: 0.9 };

describe('responsibilities defined', () => {
  it('earns its point when every task has an accountable lead unit and a readable deadline', () => {
    const [assessed] = assessParCriteria(RESPONSIBILITIES, { tasks: 12, problems: [{ row: 7, code: 'OVERDUE' }], rates, due: 10 });
    expect(assessed.points).toBe(1);
    expect(assessed.evidence).toBe('12 nhiệm vụ: 0 chưa có hoặc giao chung chung đơn vị chủ trì, 0 chưa có hoặc không đọc được thời hạn.');
  });

  it('earns nothing when a task is given to "Các phòng chức năng", even if every deadline is readable', () => {
    const [assessed] = assessParCriteria(RESPONSIBILITIES, { tasks: 12, problems: [{ row: 9, code: 'VAGUE_OWNER' }], rates, due: 10 });
    expect(assessed.points).toBe(0);
    expect(assessed.evidence).toBe('12 nhiệm vụ: 1 chưa có hoặc giao chung chung đơn vị chủ trì, 0 chưa có hoặc không đọc được thời hạn.');
  });

  it('earns nothing when a deadline cannot be read, even if every task has its lead unit', () => {
    const [assessed] = assessParCriteria(RESPONSIBILITIES, { tasks: 12, problems: [{ row: 5, code: 'UNREADABLE_DEADLINE' }], rates, due: 10 });
    expect(assessed.points).toBe(0);
    expect(assessed.evidence).toBe('12 nhiệm vụ: 0 chưa có hoặc giao chung chung đơn vị chủ trì, 1 chưa có hoặc không đọc được thời hạn.');
  });
});

describe('plan completion', () => {
  it('says that nothing has fallen due yet and leaves the points to the drafter', () => {
    expect(assessParCriteria(COMPLETION, { tasks: 12, problems: [], rates: { completion: null, onTime: null }, due: 0 })).toEqual([
      { id: 'completion', name: 'Mức độ hoàn thành kế hoạch cải cách hành chính', maxPoints: 2, evidence: 'Chưa có mốc thời hạn nào đến hạn trong kỳ.', points: null },
    ]);
  });
});
