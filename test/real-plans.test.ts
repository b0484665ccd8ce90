import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, GOVERNMENT_PLAN, HEALTH_PLAN, NO_LEAD_PLAN, NO_TIMEFRAME_PLAN, PROVINCE_PLAN } from './fixtures/real-plans';
import { tempDir } from './fixtures/workbooks';

interface TaskJson {
  row: number;
  rows: number[];
  tt: string;
  owners: string[];
  coordinators: string[];
  deadline: { kind: string; due: string | null; dueDates: string[]; span?: { from: number; to: number } };
  status: string | null;
}
interface FindingJson {
  row: number;
  column: string;
  code: string;
  severity: string;
  message: string;
}
interface CheckJson {
  sheet: string;
  planYear: number;
  headers: string[];
  tasks: TaskJson[];
  findings: FindingJson[];
}

const dir = tempDir();
const files = {
  government: join(dir, 'nghi-quyet-chinh-phu.xlsx'),
  province: join(dir, 'ke-hoach-ubnd-tinh.xlsx'),
  health: join(dir, 'ke-hoach-so-y-te.xlsx'),
  noTimeframe: join(dir, 'khong-cot-thoi-gian.xlsx'),
  noLead: join(dir, 'khong-cot-chu-tri.xlsx'),
};

function check(file: string, asOf: string): CheckJson {
  const r = spawnSync(process.execPath, ['bin/cchc.js', 'check', file, '--as-of', asOf, '--json'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as CheckJson;
}
const codes = (json: CheckJson) => json.findings.map((f) => [f.row, f.code]);
const task = (json: CheckJson, row: number) => json.tasks.find((t) => t.row === row) as TaskJson;

beforeAll(async () => {
  await buildPlan(files.government, GOVERNMENT_PLAN);
  await buildPlan(files.province, PROVINCE_PLAN);
  await buildPlan(files.health, HEALTH_PLAN);
  await buildPlan(files.noTimeframe, NO_TIMEFRAME_PLAN);
  await buildPlan(files.noLead, NO_LEAD_PLAN);
});

describe('a Government resolution appendix headed "NHIỆM VỤ VÀ GIẢI PHÁP"', () => {
  let json: CheckJson;
  beforeAll(() => {
    json = check(files.government, '2025-11-30');
  });

  it('is found and read: eight tasks in two sections, plan year 2025 from the title', () => {
    expect(json.planYear).toBe(2025);
    expect(json.tasks.map((t) => t.tt)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('keeps ministries whose names contain "và" or commas whole, and splits a list of seven ministries into seven', () => {
    expect(task(json, 7)).toMatchObject({ owners: ['Bộ Khoa học và Công nghệ'], coordinators: ['Bộ Tư pháp', 'Bộ Tài chính', 'Bộ Nội vụ'] });
    expect(task(json, 8)).toMatchObject({ owners: ['Bộ Giáo dục và Đào tạo'], coordinators: ['Bộ Khoa học và Công nghệ', 'Bộ Nội vụ'] });
    expect(task(json, 9).owners).toEqual(['Bộ Nông nghiệp và Môi trường']);
    expect(task(json, 11).coordinators).toEqual([
      'Bộ Y tế',
      'Bộ Quốc phòng',
      'Bộ Tài chính',
      'Bộ Khoa học và Công nghệ',
      'Bộ Giáo dục và Đào tạo',
      'Bộ Văn hóa, Thể thao và Du lịch',
      'Bộ Nông nghiệp và Môi trường',
    ]);
    expect(task(json, 12).coordinators).toEqual(['Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam', 'Hội Liên hiệp Phụ nữ Việt Nam']);
    expect(task(json, 14).owners).toEqual(['Bộ Tài chính', 'Bộ Công Thương']);
  });

  it('flags "Các bộ, ngành" and "Các Bộ, cơ quan ngang bộ" as vague owners, each as one group', () => {
    expect(task(json, 12).owners).toEqual(['Các bộ, ngành']);
    expect(task(json, 13).owners).toEqual(['Các Bộ, cơ quan ngang bộ']);
    expect(task(json, 9).coordinators).toEqual(['Các bộ, ngành, địa phương']);
  });

  it('reads the time phrases: a quarter, year spans, ongoing work, a year, events', () => {
    expect(json.tasks.map((t) => [t.tt, t.deadline.kind, t.deadline.dueDates])).toEqual([
      ['1', 'quarter', ['2025-12-31']],
      ['2', 'year', ['2026-12-31']],
      ['3', 'year', ['2030-12-31']],
      ['4', 'continuous', []],
      ['5', 'year', ['2025-12-31']],
      ['6', 'event', []],
      ['7', 'event', []],
      ['8', 'year', ['2030-12-31']],
    ]);
    expect(task(json, 8).deadline.span).toEqual({ from: 2025, to: 2026 });
    expect(task(json, 15).deadline.span).toEqual({ from: 2026, to: 2030 });
  });

  it('finds exactly the problems a reader would: vague owners, vague deadlines, a span after the plan year, no status column', () => {
    expect(codes(json)).toEqual([
      [5, 'NO_STATUS_COLUMN'],
      [12, 'VAGUE_OWNER'],
      [13, 'VAGUE_OWNER'],
      [13, 'VAGUE_DEADLINE'],
      [14, 'VAGUE_DEADLINE'],
      [15, 'OUTSIDE_PLAN_YEAR'],
    ]);
  });
});

describe("a provincial People's Committee plan with a two-row header and a task over two merged rows", () => {
  let json: CheckJson;
  beforeAll(() => {
    json = check(files.province, '2026-07-15');
  });

  it('recognises "Thời gian dự kiến hoàn thành" as the time frame and the sub-headers under "Cơ quan thực hiện"', () => {
    expect(json.headers).toEqual([
      'STT',
      'Nội dung công việc',
      'Cơ quan thực hiện Chủ trì',
      'Cơ quan thực hiện Phối hợp',
      'Thời gian dự kiến hoàn thành',
      'Kết quả/sản phẩm',
      'Tiến độ',
    ]);
    expect(task(json, 8).deadline).toMatchObject({ kind: 'quarter', dueDates: ['2026-03-31'] });
  });

  it('reads the task whose number and deadline are merged over two rows as one task owned by both rows’ units', () => {
    expect(json.tasks.map((t) => t.tt)).toEqual(['1', '2', '1', '2', '3']);
    expect(task(json, 11)).toMatchObject({
      rows: [11, 12],
      owners: ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Khoa học và Công nghệ'],
      coordinators: ['Văn phòng Ủy ban nhân dân tỉnh', 'Sở Lao động - Thương binh và Xã hội'],
      deadline: { kind: 'month', dueDates: ['2026-03-31'] },
      status: 'done',
    });
  });

  it('keeps vague groups written the provinces’ way whole, and flags the one that leads a task', () => {
    expect(task(json, 8).coordinators).toEqual(['Sở, ban, ngành, tổ chức chính trị - xã hội']);
    expect(task(json, 13).coordinators).toEqual(['Sở, ban, ngành', 'UBND các xã, phường']);
    expect(task(json, 14).owners).toEqual(['Sở, ban, ngành, tổ chức chính trị - xã hội']);
  });

  it('finds the overdue quarter tasks and the vague owner, and no duplicate number', () => {
    expect(codes(json)).toEqual([
      [8, 'OVERDUE'],
      [9, 'OVERDUE'],
      [14, 'VAGUE_OWNER'],
      [14, 'VAGUE_DEADLINE'],
    ]);
  });
});

describe("a Department of Health's plan naming other departments as coordinators", () => {
  it('keeps "Sở Khoa học và Công nghệ", "Sở Lao động - Thương binh và Xã hội" and "Sở Văn hóa, Thể thao và Du lịch" whole, reads abbreviations and a head list', () => {
    const json = check(files.health, '2025-11-30');
    expect(json.tasks.map((t) => [t.tt, t.owners, t.coordinators])).toEqual([
      ['1', ['Phòng Nghiệp vụ Y'], ['Sở Khoa học và Công nghệ', 'Sở Lao động - Thương binh và Xã hội']],
      ['2', ['Chi cục An toàn vệ sinh thực phẩm'], ['Sở Giáo dục và Đào tạo', 'các đơn vị liên quan']],
      ['3', ['Văn phòng Sở'], ['Sở Khoa học và Công nghệ', 'Sở Thông tin và Truyền thông']],
      ['4', ['Phòng Tổ chức cán bộ'], ['Văn phòng Sở', 'Phòng Kế hoạch - Tài chính', 'các đơn vị trực thuộc']],
      ['5', ['Phòng Kế hoạch - Tài chính'], ['Sở Văn hóa, Thể thao và Du lịch', 'Bảo hiểm xã hội tỉnh']],
      ['6', ['Văn phòng Sở'], ['Sở Tư pháp', 'Sở Nội vụ', 'Bộ Y tế']],
    ]);
    expect(codes(json)).toEqual([[4, 'OVERDUE']]);
  });
});

describe('a plan whose time-frame or lead column is not recognised', () => {
  it('says once, in Vietnamese, that no time-frame column was recognised, naming the headers it saw, and flags no row for it', () => {
    const json = check(files.noTimeframe, '2025-11-30');
    const said = json.findings.filter((f) => f.code === 'NO_TIMEFRAME_COLUMN');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ row: 1, severity: 'error' });
    expect(said[0].message).toContain('Không nhận ra cột thời gian thực hiện');
    expect(said[0].message).toContain('"TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Ghi chú"');
    expect(json.findings.filter((f) => f.code === 'MISSING_DEADLINE')).toEqual([]);
    expect(json.tasks).toHaveLength(3);
  });

  it('says once that no lead-unit column was recognised, and flags no row as missing its owner', () => {
    const json = check(files.noLead, '2025-11-30');
    const said = json.findings.filter((f) => f.code === 'NO_LEAD_COLUMN');
    expect(said).toHaveLength(1);
    expect(said[0].message).toContain('Không nhận ra cột đơn vị chủ trì');
    expect(said[0].message).toContain('"STT", "Nhiệm vụ", "Thời hạn", "Ghi chú"');
    expect(json.findings.filter((f) => f.code === 'MISSING_OWNER')).toEqual([]);
    expect(codes(json)).toEqual([
      [1, 'NO_LEAD_COLUMN'],
      [1, 'NO_STATUS_COLUMN'],
      [2, 'OVERDUE'],
      [3, 'OVERDUE'],
    ]);
  });
});
