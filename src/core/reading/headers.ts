import { foldKey } from './text';

export type ColumnRole =
  | 'number'
  | 'task'
  | 'timeframe'
  | 'lead'
  | 'coordinators'
  | 'product'
  | 'status'
  | 'doneDate'
  | 'note'
  | 'person';

/**
 * Header words per role, matched against the folded header text of a column (both header rows joined).
 * Order matters: a column takes the first role that matches, so "Ngày hoàn thành" is a done date before
 * "hoàn thành" can make it a time frame, "Tiến độ thực hiện" is a time frame before "Tiến độ" is a status,
 * and "Người đứng đầu chịu trách nhiệm" is a person, never the lead unit.
 */
export const HEADER_PATTERNS: readonly (readonly [ColumnRole, RegExp])[] = [
  ['person', /nguoi dung dau|nguoi chiu trach nhiem|ho (va )?ten|can bo (phu trach|theo doi)|lanh dao phu trach/],
  ['doneDate', /ngay hoan thanh|thoi diem hoan thanh|ngay ht\b/],
  ['number', /^(tt|stt|so tt|so thu tu|s tt)$/],
  ['timeframe', /thoi gian (thuc hien|hoan thanh)|thoi han|tien do thuc hien|^thoi gian$|moc thoi gian|thoi gian trien khai/],
  ['coordinators', /phoi hop/],
  ['lead', /chu tri|^don vi thuc hien$|^don vi phu trach$|^co quan thuc hien$/],
  ['status', /^(tien do|tinh trang|tinh hinh thuc hien|trang thai|tien do hien tai|tinh trang thuc hien|muc do hoan thanh|ket qua danh gia)$/],
  ['product', /san pham|ket qua du kien|ket qua dau ra|ket qua thuc hien|ket qua can dat/],
  ['task', /noi dung (hoat dong|nhiem vu|cong viec)|^nhiem vu( cu the)?$|ten nhiem vu|^noi dung$|^hoat dong$|nhiem vu, giai phap|^noi dung thuc hien$|^cong viec$|^ten hoat dong$/],
  ['note', /ghi chu/],
];

/** The roles a table needs before it is taken for an appendix. */
export const REQUIRED_ROLES: readonly ColumnRole[] = ['task'];
export const SUPPORTING_ROLES: readonly ColumnRole[] = ['timeframe', 'lead'];

/** Vietnamese names of the roles, for messages. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  number: 'TT',
  task: 'Nội dung nhiệm vụ',
  timeframe: 'Thời gian thực hiện',
  lead: 'Đơn vị chủ trì',
  coordinators: 'Đơn vị phối hợp',
  product: 'Sản phẩm',
  status: 'Tiến độ',
  doneDate: 'Ngày hoàn thành',
  note: 'Ghi chú',
  person: 'Người chịu trách nhiệm',
};

export function matchHeader(text: string): ColumnRole | null {
  const key = foldKey(text).replace(/\s*\/\s*/g, ' ').replace(/\s+/g, ' ');
  if (!key || key.length > 80) return null;
  for (const [role, re] of HEADER_PATTERNS) if (re.test(key)) return role;
  return null;
}

/** Assign roles to columns from their header texts; each role goes to its first column. */
export function assignRoles(headerTexts: string[]): Partial<Record<ColumnRole, number>> {
  const columns: Partial<Record<ColumnRole, number>> = {};
  headerTexts.forEach((text, col) => {
    const role = matchHeader(text);
    if (role && columns[role] === undefined) columns[role] = col;
  });
  return columns;
}
