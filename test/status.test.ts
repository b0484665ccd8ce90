import { describe, expect, it } from 'vitest';
import { readStatus } from '../src/core/reading/status';

describe('readStatus', () => {
  it.each([
    ['Đã hoàn thành', 'done'],
    ['Hoàn thành', 'done'],
    ['HT', 'done'],
    ['Xong', 'done'],
    ['Đang thực hiện', 'in_progress'],
    ['Đang triển khai', 'in_progress'],
    ['ĐTH', 'in_progress'],
    ['Chưa hoàn thành', 'in_progress'],
    ['Chưa thực hiện', 'not_started'],
    ['Chưa triển khai', 'not_started'],
    ['Không thực hiện', 'cancelled'],
    ['Dừng', 'cancelled'],
    ['Hủy', 'cancelled'],
    ['100%', 'done'],
    ['50 %', 'in_progress'],
    ['0%', 'not_started'],
  ])("reads '%s' as %s", (text, status) => {
    expect(readStatus(text)).toMatchObject({ status, recognised: true });
  });

  it('reads a completion date written inside the status cell', () => {
    expect(readStatus('Đã hoàn thành ngày 15/3/2024')).toMatchObject({ status: 'done', date: '2024-03-15' });
  });

  it('reads percentage cells and checkboxes', () => {
    expect(readStatus(1).status).toBe('done');
    expect(readStatus(0.4).status).toBe('in_progress');
    expect(readStatus(true).status).toBe('done');
    expect(readStatus(false).status).toBe('not_started');
  });

  it('reads NFD and upper-case text like its plain form', () => {
    expect(readStatus('ĐÃ HOÀN THÀNH'.normalize('NFD')).status).toBe('done');
  });

  it('says when it does not know a word, and treats an empty cell as no status', () => {
    expect(readStatus('tốt')).toMatchObject({ status: null, recognised: false });
    expect(readStatus('')).toMatchObject({ status: null, recognised: true });
  });
});
