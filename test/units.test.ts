import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUnitResolver, DEFAULT_UNIT_DIRECTORY, splitUnits } from '../src/core/reading/units';

const resolver = createUnitResolver();
const names = (cell: string) => resolver.resolveCell(cell).map((u) => u.name);

describe('unit resolution', () => {
  it('splits a cell on semicolons, line breaks, " và " and bullet dashes', () => {
    expect(splitUnits('Văn phòng Sở; Phòng Kế hoạch Tài chính.')).toEqual(['Văn phòng Sở', 'Phòng Kế hoạch Tài chính']);
    expect(splitUnits('Thanh tra Sở\nVăn phòng Sở')).toEqual(['Thanh tra Sở', 'Văn phòng Sở']);
    expect(splitUnits('Các phòng chức năng và các đơn vị trực thuộc liên quan.')).toEqual(['Các phòng chức năng', 'các đơn vị trực thuộc liên quan']);
    expect(splitUnits('- Trung tâm Kiểm soát Bệnh tật tỉnh. - Các đơn vị trực thuộc liên quan.')).toEqual([
      'Trung tâm Kiểm soát Bệnh tật tỉnh',
      'Các đơn vị trực thuộc liên quan',
    ]);
  });

  it('keeps a hyphenated unit name whole and a comma inside a phrase attached', () => {
    expect(splitUnits('Phòng Kế hoạch - Tài chính')).toEqual(['Phòng Kế hoạch - Tài chính']);
    expect(splitUnits('Các phòng chức năng theo chức năng, nhiệm vụ tham mưu')).toEqual(['Các phòng chức năng theo chức năng, nhiệm vụ tham mưu']);
    expect(splitUnits('Văn phòng Sở, Thanh tra Sở')).toEqual(['Văn phòng Sở', 'Thanh tra Sở']);
  });

  it.each([
    ['VP Sở', 'Văn phòng Sở'],
    ['KHTC', 'Phòng Kế hoạch - Tài chính'],
    ['KH-TC', 'Phòng Kế hoạch - Tài chính'],
    ['Phòng Kế hoạch Tài chính', 'Phòng Kế hoạch - Tài chính'],
    ['TCCB', 'Phòng Tổ chức cán bộ'],
    ['Phòng Tổ chức Cán bộ.', 'Phòng Tổ chức cán bộ'],
    ['NVY', 'Phòng Nghiệp vụ Y'],
    ['CDC', 'Trung tâm Kiểm soát bệnh tật'],
    ['Trung tâm Kiểm soát Bệnh tật tỉnh', 'Trung tâm Kiểm soát bệnh tật'],
    ['Các TTYT', 'Trung tâm Y tế các huyện'],
    ['Phòng Nghiệp vụ Y được', 'Phòng Nghiệp vụ Y dược'],
    ['Phong Nghiep vu Duoc', 'Phòng Nghiệp vụ Dược'],
    ['Thanh tra So', 'Thanh tra Sở'],
    ['Phòng Quản lý hành nghê', 'Phòng Quản lý hành nghề'],
    ['Trung tâm Kiểm soát bênh tật', 'Trung tâm Kiểm soát bệnh tật'],
  ])("resolves '%s' to '%s'", (written, name) => {
    const unit = resolver.resolve(written);
    expect(unit).toMatchObject({ name, known: true });
  });

  it('resolves NFD-encoded names the same as NFC ones', () => {
    expect(resolver.resolve('Văn phòng Sở'.normalize('NFD')).name).toBe('Văn phòng Sở');
  });

  it('keeps an unknown unit as written', () => {
    expect(resolver.resolve('Tổ Công nghệ thông tin')).toEqual({ written: 'Tổ Công nghệ thông tin', name: 'Tổ Công nghệ thông tin', known: false, vague: false });
  });

  it('does not stretch a misspelling to a different unit', () => {
    expect(resolver.resolve('Phòng Nghiệp vụ').name).toBe('Phòng Nghiệp vụ Y dược');
    expect(resolver.resolve('Thanh tra Chính phủ').name).toBe('Thanh tra Chính phủ');
  });

  it.each(['Các phòng chức năng', 'Các đơn vị trực thuộc', 'Lãnh đạo các phòng chức năng', 'Thủ trưởng các đơn vị trực thuộc', 'các đơn vị liên quan'])(
    "flags '%s' as vague",
    (written) => {
      expect(resolver.resolve(written).vague).toBe(true);
    },
  );

  it('uses a directory the user extends', () => {
    const custom = createUnitResolver([...DEFAULT_UNIT_DIRECTORY, { name: 'Tổ Công nghệ thông tin', aliases: ['Tổ CNTT'] }]);
    expect(custom.resolve('Tổ CNTT')).toMatchObject({ name: 'Tổ Công nghệ thông tin', known: true });
  });

  it('resolves every alias in the default directory to its own unit', () => {
    for (const entry of DEFAULT_UNIT_DIRECTORY) for (const alias of entry.aliases) expect(names(alias)).toEqual([entry.name]);
  });

  it('never throws and is stable under case, spacing and Unicode normalisation', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => resolver.resolveCell(text)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...DEFAULT_UNIT_DIRECTORY.flatMap((e) => e.aliases)), fc.boolean(), fc.boolean(), (alias, nfd, spaced) => {
        let variant = nfd ? alias.normalize('NFD') : alias;
        if (spaced) variant = ` ${variant.replace(/ /g, '\u00a0')}  `;
        expect(names(variant)).toEqual(names(alias));
      }),
    );
  });
});
