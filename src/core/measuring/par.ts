/**
 * Self-assessment of the plan-related criteria of the PAR index (Chỉ số cải cách hành chính). Each province sets its
 * own criteria and points; these defaults follow how provincial rules have scored them, and the settings sheet may
 * change the points or add criteria (an added criterion is the drafter's to assess).
 */
import type { Finding } from './checks';
import { scorePlanCompletion, type Rates } from './indicators';
import { formatPercent } from '../reading/text';

export interface ParCriterion {
  /** A criterion the data can assess ("responsibilities", "completion"), or "custom_n". */
  id: string;
  name: string;
  maxPoints: number;
}

export const DEFAULT_PAR_CRITERIA: readonly ParCriterion[] = [
  { id: 'responsibilities', name: 'Xác định rõ kết quả cần đạt và trách nhiệm của từng cơ quan, đơn vị', maxPoints: 1 },
  { id: 'completion', name: 'Mức độ hoàn thành kế hoạch cải cách hành chính', maxPoints: 2 },
];

export interface ParAssessment extends ParCriterion {
  /** What the data shows, in words; null when only the drafter can say. */
  evidence: string | null;
  /** Points the data supports; null when only the drafter can say. */
  points: number | null;
}

const OWNER_CODES = new Set(['MISSING_OWNER', 'VAGUE_OWNER']);
const DEADLINE_CODES = new Set(['MISSING_DEADLINE', 'UNREADABLE_DEADLINE']);

/**
 * Assess each criterion from the report's figures: responsibilities are clear when every task names an accountable
 * lead unit and a readable deadline (full points, else none); completion scores > 90 % full, 70–90 % half, < 70 %
 * nothing, on the period's completion rate.
 */
export function assessParCriteria(
  criteria: readonly ParCriterion[],
  data: { tasks: number; problems: readonly Pick<Finding, 'row' | 'code'>[]; rates: Rates; due: number },
): ParAssessment[] {
  const rowsWith = (codes: Set<string>) => new Set(data.problems.filter((f) => codes.has(f.code)).map((f) => f.row)).size;
  return criteria.map((c): ParAssessment => {
    if (c.id === 'responsibilities') {
      const noOwner = rowsWith(OWNER_CODES);
      const noDeadline = rowsWith(DEADLINE_CODES);
      return {
        ...c,
        evidence: `${data.tasks} nhiệm vụ: ${noOwner} chưa có hoặc giao chung chung đơn vị chủ trì, ${noDeadline} chưa có hoặc không đọc được thời hạn.`,
        points: noOwner === 0 && noDeadline === 0 ? c.maxPoints : 0,
      };
    }
    if (c.id === 'completion') {
      const rate = data.rates.completion;
      if (rate === null) return { ...c, evidence: 'Chưa có mốc thời hạn nào đến hạn trong kỳ.', points: null };
      return { ...c, evidence: `Tỷ lệ hoàn thành ${formatPercent(rate)} (${data.due} mốc đến hạn; trên 90%: đủ điểm, 70–90%: một nửa, dưới 70%: 0).`, points: scorePlanCompletion(rate, c.maxPoints) };
    }
    return { ...c, evidence: null, points: null };
  });
}
