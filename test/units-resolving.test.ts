/**
 * Unit cells as plans write them, at the places where reading them takes a decision: a body of another level that is
 * one slip away from a listed one, abbreviations typed with hyphens or dots, a colon that heads no list, a bare head
 * after a name, generic nouns that continue a group, and a note between two groups. Expected values are written by
 * hand from how a Department of Health's staff read these cells.
 */
import { describe, expect, it } from 'vitest';
import { createUnitResolver, splitUnits } from '../src/core/reading/units';

const resolver = () => createUnitResolver();
const readCell = (cell: string) => resolver().resolveCell(cell).map((u) => [u.written, u.known, u.vague]);

describe('bodies of another level are not misspellings', () => {
  it("keeps 'Viện kiểm sát nhân dân thành phố' as written: a city's procuracy is not Viện kiểm sát nhân dân tỉnh", () => {
    expect(resolver().resolve('Viện kiểm sát nhân dân thành phố')).toEqual({
      written: 'Viện kiểm sát nhân dân thành phố',
      name: 'Viện kiểm sát nhân dân thành phố',
      known: false,
      vague: false,
    });
  });
});

describe('abbreviations as staff type them', () => {
  it("reads 'QLHN-YDTN' (Quản lý hành nghề y dược tư nhân) as Phòng Quản lý hành nghề", () => {
    expect(resolver().resolve('QLHN-YDTN')).toMatchObject({ written: 'QLHN-YDTN', name: 'Phòng Quản lý hành nghề', known: true });
  });

  it("keeps a note after an unknown acronym written with a dot with it: 'TT.CNTT, tham mưu' is one unit", () => {
    expect(splitUnits('TT.CNTT, tham mưu')).toEqual(['TT.CNTT, tham mưu']);
  });
});

describe('what comes before a colon', () => {
  it("keeps the cell's words as written when a colon follows a unit's name rather than a list's head: 'Văn phòng Sở: tham mưu'", () => {
    expect(resolver().resolveCell('Văn phòng Sở: tham mưu').map((u) => u.written)).toEqual(['Văn phòng Sở: tham mưu']);
  });
});

describe('where a split falls', () => {
  it("never lends the first unit's head to a bare 'Sở': 'Thanh tra Sở; Sở, ban, ngành' is Thanh tra Sở and the vague group", () => {
    expect(resolver().resolveCell('Thanh tra Sở; Sở, ban, ngành').map((u) => [u.written, u.name, u.known, u.vague])).toEqual([
      ['Thanh tra Sở', 'Thanh tra Sở', true, false],
      ['Sở, ban, ngành', 'Sở, ban, ngành', false, true],
    ]);
  });

  it("keeps 'Các cơ quan, đơn vị các cấp' whole as one vague group: the generic nouns continue the list", () => {
    expect(readCell('Các cơ quan, đơn vị các cấp')).toEqual([['Các cơ quan, đơn vị các cấp', false, true]]);
  });

  it("leaves a note with the unit before it and the vague group on its own: 'Tổ công tác, phối hợp, các đơn vị liên quan'", () => {
    expect(readCell('Tổ công tác, phối hợp, các đơn vị liên quan')).toEqual([
      ['Tổ công tác, phối hợp', false, false],
      ['các đơn vị liên quan', false, true],
    ]);
  });
});
