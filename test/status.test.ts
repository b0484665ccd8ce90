import { describe, expect, it } from 'vitest';
import { findTextDate, readStatus } from '../src/core/reading/status';

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

  it('reads a repeated text once: the same reading comes back, and a different text gets its own', () => {
    const first = readStatus('Đã hoàn thành ngày 15/3/2024');
    expect(readStatus('Đã hoàn thành ngày 15/3/2024')).toBe(first);
    expect(readStatus('Đang thực hiện')).toMatchObject({ status: 'in_progress', date: null });
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

describe('status cells, every form', () => {
  it.each([
    // Every phrase of the vocabulary, a negation before the word it contains.
    ['Không triển khai', 'cancelled'], ['Không còn thực hiện', 'cancelled'], ['Dừng thực hiện', 'cancelled'], ['Tạm dừng', 'cancelled'],
    ['Đã dừng', 'cancelled'], ['Đã hủy', 'cancelled'], ['Bãi bỏ', 'cancelled'], ['Loại bỏ', 'cancelled'],
    ['Chưa xong', 'in_progress'], ['Đang hoàn thiện', 'in_progress'], ['Tiếp tục thực hiện', 'in_progress'],
    ['Chưa bắt đầu', 'not_started'], ['Chưa làm', 'not_started'], ['Chưa', 'not_started'],
    ['Đang làm', 'in_progress'], ['Đang xây dựng dự thảo', 'in_progress'], ['Đang', 'in_progress'],
    ['Đã xong', 'done'], ['Hoàn tất', 'done'], ['Đã thực hiện', 'done'], ['Đã triển khai', 'done'], ['Đã ban hành', 'done'], ['Đạt', 'done'], ['Đã đạt', 'done'],
    ['- Đã hoàn thành.', 'done'],
    ['75,5%', 'in_progress'], ['100 % khối lượng', 'done'],
  ])("reads '%s' as %s", (text, status) => {
    expect(readStatus(text)).toMatchObject({ status, recognised: true });
  });

  it.each(['Dừngg', 'Huyện ủy chỉ đạo', 'HTX', 'Đangg', 'ĐTHX', 'Đạtt'])("does not read '%s' as a status word: the short words stand alone", (text) => {
    expect(readStatus(text)).toMatchObject({ status: null, recognised: false });
  });

  it('reads numbers from 0 to 1 as fractions and up to 100 as percents, and no other number', () => {
    expect([readStatus(0), readStatus(0.5), readStatus(1), readStatus(50), readStatus(100)].map((s) => s.status)).toEqual([
      'not_started', 'in_progress', 'done', 'in_progress', 'done',
    ]);
    expect(readStatus(101)).toEqual({ text: '101', status: null, date: null, recognised: false });
    expect(readStatus(-0.5)).toEqual({ text: '-0.5', status: null, date: null, recognised: false });
    expect(readStatus(true)).toEqual({ text: 'TRUE', status: 'done', date: null, recognised: true });
    expect(readStatus(false)).toEqual({ text: 'FALSE', status: 'not_started', date: null, recognised: true });
  });

  it('reads a date cell as done on that date, and blank text as no status', () => {
    expect(readStatus(new Date(Date.UTC(2024, 2, 15)))).toEqual({ text: '', status: 'done', date: '2024-03-15', recognised: true });
    expect(readStatus(' \u00a0 ')).toEqual({ text: '', status: null, date: null, recognised: true });
    expect(readStatus(undefined)).toEqual({ text: '', status: null, date: null, recognised: true });
    expect(readStatus('')).toEqual({ text: '', status: null, date: null, recognised: true });
    expect(readStatus(0.5)).toEqual({ text: '0.5', status: 'in_progress', date: null, recognised: true });
    // The word decides; a percentage counts only at the start of the cell, with any number of decimals.
    expect(readStatus('Hoàn thành (đạt 95%)').status).toBe('done');
    expect(readStatus('99,55%')).toMatchObject({ status: 'in_progress', recognised: true });
    expect(readStatus('  Đang thực hiện  ')).toEqual({ text: 'Đang thực hiện', status: 'in_progress', date: null, recognised: true });
    expect(readStatus('Chờ ý kiến 15/03/2024')).toEqual({ text: 'Chờ ý kiến 15/03/2024', status: null, date: '2024-03-15', recognised: false });
  });
});

describe('a date written in text', () => {
  it.each([
    ['Hoàn thành ngày 15/3/2024', '2024-03-15'],
    ['xong 05.04.2024', '2024-04-05'],
    ['ngày 5 - 4 - 2024', '2024-04-05'],
    ['2024-04-05', '2024-04-05'],
    ['31/02/2024', null],
    ['15/13/2024', null],
    ['ngày 115/3/2024', null],
    ['15/3/20245', null],
    ['1/15/3/2024', null],
    ['15/3', null],
  ])("finds in '%s' the date %s", (text, iso) => {
    expect(findTextDate(text)).toBe(iso);
  });
});
