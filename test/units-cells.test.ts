/**
 * Unit cells as provinces write them: a province's own body named with the province ("Thanh tra tỉnh Đắk Nông"), a
 * vague group listed after a named unit, and a role written as a label ("Chủ trì: …"). Expected names by hand, from
 * the Department of Health's directory and the state agencies'.
 */
import { describe, expect, it } from 'vitest';
import { createUnitResolver } from '../src/core/reading/units';

const cell = (text: string) => createUnitResolver().resolveCell(text).map((u) => [u.name, u.known, u.vague]);

describe('a body of the province named with the province', () => {
  it.each([
    ['Thanh tra tỉnh Đắk Nông', 'Thanh tra tỉnh'],
    ['Hội Nông dân tỉnh Lâm Đồng', 'Hội Nông dân tỉnh'],
  ])('reads "%s" as the province\'s %s, not as a unit of the Department', (text, name) => {
    expect(cell(text)).toEqual([[name, true, false]]);
  });

  it('still reads a unit of the Department named with the province as that unit', () => {
    expect(cell('Trung tâm Kiểm soát bệnh tật tỉnh Đắk Nông')).toEqual([['Trung tâm Kiểm soát bệnh tật', true, false]]);
    expect(cell('Văn phòng Sở Y tế tỉnh Lâm Đồng')).toEqual([['Văn phòng Sở', true, false]]);
  });
});

describe('generic nouns after a named unit', () => {
  it.each([
    ['Thanh tra tỉnh, Sở, ban, ngành', 'Thanh tra tỉnh', 'Sở, ban, ngành'],
    ['Công an tỉnh, sở, ngành', 'Công an tỉnh', 'sở, ngành'],
    ['Sở Y tế, ngành các cấp', 'Sở Y tế', 'ngành các cấp'],
    ['Văn phòng Sở, phòng, ban', 'Văn phòng Sở', 'phòng, ban'],
  ])('reads "%s" as %s and the vague group "%s"', (text, unit, group) => {
    expect(cell(text)).toEqual([
      [unit, true, false],
      [group, false, true],
    ]);
  });

  it('continues a list that is itself generic, and keeps a note that names no body with its unit', () => {
    expect(cell('Các bộ, ngành, địa phương')).toEqual([['Các bộ, ngành, địa phương', false, true]]);
    expect(cell('Văn phòng Sở, tham mưu')).toEqual([['Văn phòng Sở, tham mưu', false, false]]);
  });
});

describe('a role written as a label before the unit', () => {
  it('reads the unit after "Chủ trì:", "Phối hợp:", "Đầu mối:" or "Đơn vị chủ trì:"', () => {
    expect(cell('Chủ trì: Văn phòng Sở; Phối hợp: Thanh tra Sở')).toEqual([
      ['Văn phòng Sở', true, false],
      ['Thanh tra Sở', true, false],
    ]);
    expect(cell('Đầu mối: Văn phòng Sở')).toEqual([['Văn phòng Sở', true, false]]);
    expect(cell('Đơn vị chủ trì: Phòng TCCB')).toEqual([['Phòng Tổ chức cán bộ', true, false]]);
  });

  it('keeps the cell as written when what precedes the colon is a unit, not a role', () => {
    expect(cell('Văn phòng Sở: tham mưu')).toEqual([['Văn phòng Sở: tham mưu', false, false]]);
  });
});
