import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_DIRECTORY } from '../src/core/reading/agencies';
import { createUnitResolver, DEFAULT_UNIT_DIRECTORY, resetUnitMemo, splitUnits } from '../src/core/reading/units';
import { propertyRuns } from './fixtures/mutation';

/** The default resolver, built afresh in every test (memos are reset before each): nothing learnt earlier answers. */
const resolver = {
  resolve: (written: string) => createUnitResolver().resolve(written),
  resolveCell: (cell: string) => createUnitResolver().resolveCell(cell),
};
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

describe('agency names as plans write them', () => {
  it.each([
    ['Bộ Khoa học và Công nghệ', ['Bộ Khoa học và Công nghệ']],
    ['Bộ Giáo dục và Đào tạo', ['Bộ Giáo dục và Đào tạo']],
    ['Sở Văn hóa, Thể thao và Du lịch', ['Sở Văn hóa, Thể thao và Du lịch']],
    ['Sở Lao động - Thương binh và Xã hội', ['Sở Lao động - Thương binh và Xã hội']],
    ['Liên hiệp các Hội Khoa học và Kỹ thuật', ['Liên hiệp các Hội Khoa học và Kỹ thuật']],
    ['Bệnh viện Lao và Bệnh phổi, Bệnh viện Sản - Nhi', ['Bệnh viện Lao và Bệnh phổi', 'Bệnh viện Sản - Nhi']],
    ['Bộ Tài chính, Bộ Công Thương', ['Bộ Tài chính', 'Bộ Công Thương']],
    ['Phòng KHTC - Phòng TCCB', ['Phòng Kế hoạch - Tài chính', 'Phòng Tổ chức cán bộ']],
    ['Sở Y tế (chủ trì), Sở Tài chính', ['Sở Y tế', 'Sở Tài chính']],
    ['Hội Nông dân, Hội Cựu chiến binh', ['Hội Nông dân', 'Hội Cựu chiến binh']],
    ['Sở Lao động - Thương binh\nvà Xã hội', ['Sở Lao động - Thương binh và Xã hội']],
  ])("reads '%s' as %j", (cell, expected) => {
    expect(names(cell)).toEqual(expected);
  });

  it.each([
    ['Các Sở: Tài chính, Nội vụ, Y tế', ['Sở Tài chính', 'Sở Nội vụ', 'Sở Y tế']],
    ['Các Bộ: Công an, Quốc phòng, Ngoại giao', ['Bộ Công an', 'Bộ Quốc phòng', 'Bộ Ngoại giao']],
    ['Các sở: Văn hóa, Thể thao và Du lịch, Y tế; Văn phòng Sở', ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Y tế', 'Văn phòng Sở']],
    ['Sở Tài chính, Nội vụ, Tư pháp', ['Sở Tài chính', 'Sở Nội vụ', 'Sở Tư pháp']],
    ['Bộ Khoa học và Công nghệ, Giáo dục và Đào tạo', ['Bộ Khoa học và Công nghệ', 'Bộ Giáo dục và Đào tạo']],
  ])("shares the head a list writes once: '%s' is %j", (cell, expected) => {
    expect(names(cell)).toEqual(expected);
  });

  it('keeps an unknown name in a head list, with its head, and never borrows a head that makes no directory name', () => {
    expect(names('Các Sở: Quy hoạch kiến trúc đô thị, Y tế')).toEqual(['Sở Quy hoạch kiến trúc đô thị', 'Sở Y tế']);
    expect(names('Sở Y tế, Tổ công tác liên ngành')).toEqual(['Sở Y tế', 'Tổ công tác liên ngành']);
  });

  it('resolves a name followed by a bracketed sub-unit to the accountable body', () => {
    expect(resolver.resolveCell('Bộ Y tế (Cục Quản lý Khám, chữa bệnh), Bộ Tài chính').map((u) => [u.written, u.name])).toEqual([
      ['Bộ Y tế (Cục Quản lý Khám, chữa bệnh)', 'Bộ Y tế'],
      ['Bộ Tài chính', 'Bộ Tài chính'],
    ]);
  });

  it.each([
    ['Sở KH&CN', 'Sở Khoa học và Công nghệ'],
    ['Sở KHCN', 'Sở Khoa học và Công nghệ'],
    ['Sở LĐ-TB&XH', 'Sở Lao động - Thương binh và Xã hội'],
    ['Sở LĐTBXH', 'Sở Lao động - Thương binh và Xã hội'],
    ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo'],
    ['Bộ KH&ĐT', 'Bộ Kế hoạch và Đầu tư'],
    ['Sở NN&PTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
    ['Sở VH,TT&DL', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['UBND tỉnh', 'Ủy ban nhân dân tỉnh'],
    ['Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'],
    ['BHXH tỉnh', 'Bảo hiểm xã hội tỉnh'],
    ['Sở Y tế tỉnh Đắk Nông', 'Sở Y tế'],
    ['Thanh tra tỉnh', 'Thanh tra tỉnh'],
  ])("resolves the abbreviation or variant '%s' to '%s'", (written, name) => {
    expect(resolver.resolve(written)).toMatchObject({ name, known: true });
  });

  it('never takes one body for another by a small misspelling: "Sở Nội vụ" is not "Bộ Nội vụ", "Văn phòng Bộ" is not "Văn phòng Sở"', () => {
    expect(resolver.resolve('Sở Nội vụ').name).toBe('Sở Nội vụ');
    expect(resolver.resolve('Sở Nôi vụ').name).toBe('Sở Nội vụ');
    expect(resolver.resolve('Sở NV').known).toBe(false);
    expect(resolver.resolve('Văn phòng Bộ')).toMatchObject({ name: 'Văn phòng Bộ', known: false });
    expect(resolver.resolve('Vụ Tổ chức cán bộ')).toMatchObject({ name: 'Vụ Tổ chức cán bộ', known: false });
  });

  it.each([
    'Các bộ, ngành',
    'Các bộ, ngành, địa phương',
    'Sở, ban, ngành, tổ chức chính trị - xã hội',
    'Các Bộ, cơ quan ngang bộ',
    'UBND các xã, phường',
    'UBND cấp xã',
    'Các cơ quan, đơn vị',
    'Lãnh đạo các phòng',
  ])("keeps the vague group '%s' whole and flags it", (cell) => {
    const units = resolver.resolveCell(cell);
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ written: cell, known: false, vague: true });
  });

  it.each([
    ['Văn phòng Sở + Thanh tra Sở', [['Văn phòng Sở', true, false], ['Thanh tra Sở', true, false]]],
    ['UBND Thành phố', [['UBND Thành phố', false, false]]],
    ['HĐND tỉnh', [['Hội đồng nhân dân tỉnh', true, false]]],
    ['Phòng Tổ chức cán bộ thuộc Sở', [['Phòng Tổ chức cán bộ', true, false]]],
    ['Sở Y tế (phối hợp)', [['Sở Y tế', true, false]]],
    ['BHXH tỉnh và Kho bạc Nhà nước tỉnh', [['Bảo hiểm xã hội tỉnh', true, false], ['Kho bạc Nhà nước tỉnh', true, false]]],
    ['CDC, TTYT', [['Trung tâm Kiểm soát bệnh tật', true, false], ['Trung tâm Y tế các huyện', true, false]]],
    ['Tổ công tác, Ban Chỉ đạo', [['Tổ công tác', false, false], ['Ban Chỉ đạo', false, false]]],
    ['Bộ Công an và các bộ, ngành liên quan', [['Bộ Công an', true, false], ['các bộ, ngành liên quan', false, true]]],
    ['Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương', [['Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương', false, true]]],
  ])("reads '%s' as [name, known, vague] %j", (cell, expected) => {
    expect(resolver.resolveCell(cell).map((u) => [u.name, u.known, u.vague])).toEqual(expected);
  });

  it('splits two vague groups written one after the other, and flags both', () => {
    expect(resolver.resolveCell('Các sở, ngành, UBND xã, phường, đặc khu').map((u) => [u.written, u.vague])).toEqual([
      ['Các sở, ngành', true],
      ['UBND xã, phường, đặc khu', true],
    ]);
  });

  it('keeps a single body of one level accountable: "UBND tỉnh" and a named commune are not vague', () => {
    expect(resolver.resolve('UBND tỉnh').vague).toBe(false);
    expect(resolver.resolve('UBND xã Quảng Sơn')).toMatchObject({ known: false, vague: false });
  });

  it("lets the user's directory override an agency's name", () => {
    const custom = createUnitResolver([...DEFAULT_UNIT_DIRECTORY, { name: 'Sở KH&CN tỉnh', aliases: ['Sở Khoa học và Công nghệ'] }]);
    expect(custom.resolveCell('Sở Khoa học và Công nghệ, Sở Y tế').map((u) => u.name)).toEqual(['Sở KH&CN tỉnh', 'Sở Y tế']);
  });

  it('gives back exactly the N directory names a cell joins, whatever mix of separators joins them', () => {
    const directoryNames = [...new Set([...DEFAULT_UNIT_DIRECTORY, ...AGENCY_DIRECTORY].map((e) => e.name))];
    const separators = [', ', ',', '; ', ';', ' và ', '\n', ' - ', ' – ', ' & ', ' + ', ',\n', '.\n- ', ' và\n'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...directoryNames), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...separators), { minLength: 7, maxLength: 7 }),
        (chosen, seps) => {
          const cell = chosen.map((name, i) => (i ? seps[i - 1] : '') + name).join('');
          expect(names(cell)).toEqual(chosen);
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });
});

describe('unit cells at their edges', () => {
  it('matches a name with a one-letter typing slip, one edit per eight letters', () => {
    expect(resolver.resolve('Phòng Tổ chứ cán bộ')).toMatchObject({ name: 'Phòng Tổ chức cán bộ', known: true });
    expect(resolver.resolve('Sở Khoa học và Công ngệ')).toMatchObject({ name: 'Sở Khoa học và Công nghệ', known: true });
    expect(resolver.resolve('Trung tâm Kiểm soá bệnh tật')).toMatchObject({ name: 'Trung tâm Kiểm soát bệnh tật', known: true });
    // Two slips in a short name are too many.
    expect(resolver.resolve('Sở Tư phá').known).toBe(true);
    expect(resolver.resolve('Sở Tư ph').known).toBe(false);
  });

  it('never cuts inside brackets', () => {
    expect(names('Sở Y tế (Phòng Nghiệp vụ, Thanh tra), Sở Tài chính')).toEqual(['Sở Y tế', 'Sở Tài chính']);
    expect(resolver.resolveCell('Các đơn vị (Văn phòng Sở, Thanh tra Sở)').map((u) => [u.written, u.vague])).toEqual([
      ['Các đơn vị (Văn phòng Sở, Thanh tra Sở)', true],
    ]);
  });

  it('drops bullets and trailing punctuation around each unit', () => {
    expect(names('• Văn phòng Sở;\n• Thanh tra Sở.')).toEqual(['Văn phòng Sở', 'Thanh tra Sở']);
    expect(names('+ Phòng Tổ chức cán bộ,')).toEqual(['Phòng Tổ chức cán bộ']);
  });

  it('reads an acronym as a unit of its own, so it is split from the name before it', () => {
    expect(names('Tổ công tác, UBKT')).toEqual(['Tổ công tác', 'UBKT']);
    expect(names('Tổ công tác, kiểm tra')).toEqual(['Tổ công tác, kiểm tra']);
  });

  it('borrows a head of several words, and never one that makes no directory name', () => {
    expect(names('Trung tâm Kiểm soát bệnh tật, Y tế khu vực')).toEqual(['Trung tâm Kiểm soát bệnh tật', 'Trung tâm Y tế khu vực']);
    expect(names('Các Sở: Tài chính, Sở Y tế')).toEqual(['Sở Tài chính', 'Sở Y tế']);
    expect(resolver.resolveCell('các sở: tài chính').map((u) => [u.written, u.name])).toEqual([['Sở tài chính', 'Sở Tài chính']]);
  });

  it('reads "Phòng …" and "… Sở Y tế" around a name the directory lists without them', () => {
    const custom = createUnitResolver([{ name: 'Kế toán', aliases: [] }]);
    expect(custom.resolve('Phòng Kế toán')).toMatchObject({ name: 'Kế toán', known: true });
    expect(resolver.resolve('Phòng Tổ chức cán bộ Sở Y tế')).toMatchObject({ name: 'Phòng Tổ chức cán bộ', known: true });
  });

  it('gives up on initials two bodies share: "Sở NV" names neither Sở Nội vụ nor Sở Ngoại vụ', () => {
    expect(resolver.resolve('Sở NV').known).toBe(false);
    expect(resolver.resolve('Sở NNMT')).toMatchObject({ name: 'Sở Nông nghiệp và Môi trường', known: true });
  });

  it('splits a long vague list into groups of at most eight pieces', () => {
    const cell = Array.from({ length: 10 }, () => 'các đơn vị').join(', ');
    expect(resolver.resolveCell(cell).length).toBeGreaterThan(1);
  });
});

describe('what a split may and may not do', () => {
  it('always separates at a line break, even where the next line is no agency', () => {
    expect(names('Văn phòng Sở\nphối hợp tham mưu')).toEqual(['Văn phòng Sở', 'phối hợp tham mưu']);
  });

  it('does not split at a comma when the other side is no agency: the cell stays one name as written', () => {
    expect(resolver.resolveCell('Văn phòng Sở, tham mưu').map((u) => u.written)).toEqual(['Văn phòng Sở, tham mưu']);
  });

  it('keeps a name with commas whole when it matches only loosely, with the province after it', () => {
    expect(names('Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng')).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
  });

  it('reads initials of a two-word name after its head', () => {
    expect(resolver.resolve('Sở TC')).toMatchObject({ name: 'Sở Tài chính', known: true });
    expect(resolver.resolve('Bộ TP')).toMatchObject({ name: 'Bộ Tư pháp', known: true });
  });
});

describe('unit cells, form by form', () => {
  it("reads a role note typed between two words as a gap: 'UBND(thực hiện)cấp xã' is the vague group UBND cấp xã", () => {
    expect(resolver.resolve('UBND(thực hiện)cấp xã')).toMatchObject({ known: false, vague: true });
  });

  it("reads a bracketed sub-unit typed between two words as a gap: 'Sở Y tế(Phòng Nghiệp vụ)tỉnh Đắk Nông' is Sở Y tế", () => {
    expect(resolver.resolve('Sở Y tế(Phòng Nghiệp vụ)tỉnh Đắk Nông')).toMatchObject({ name: 'Sở Y tế', known: true });
  });

  it("matches a slip inside 'phòng' of a name written with its province: 'Văn phòg UBND tỉnh' is Văn phòng Ủy ban nhân dân tỉnh", () => {
    expect(resolver.resolve('Văn phòg UBND tỉnh')).toMatchObject({ name: 'Văn phòng Ủy ban nhân dân tỉnh', known: true });
  });

  it("drops the province only at the end of a name, never the unit written after it: 'Văn phòng UBND tỉnh, Liên hiệp Phụ nữ tỉnh' is two units", () => {
    expect(resolver.resolveCell('Văn phòng UBND tỉnh, Liên hiệp Phụ nữ tỉnh').map((u) => [u.name, u.known])).toEqual([
      ['Văn phòng Ủy ban nhân dân tỉnh', true],
      ['Liên hiệp Phụ nữ tỉnh', false],
    ]);
  });

  it("never takes a slip that runs two words together for another unit: 'Phòng Nghiệp vụY dược' is not Phòng Nghiệp vụ Dược", () => {
    expect(resolver.resolve('Phòng Nghiệp vụY dược').name).not.toBe('Phòng Nghiệp vụ Dược');
    // A name with more words than the one written is compared without failing.
    expect(['Phòng Kế hoạch - Tài chính', 'Phòng Kế hoạch - Tàichính']).toContain(resolver.resolve('Phòng Kế hoạch - Tàichính').name);
  });

  it("reads no initials from a single letter: 'Bệnh viện M' is not Bệnh viện Mắt", () => {
    expect(resolver.resolve('Bệnh viện M')).toMatchObject({ name: 'Bệnh viện M', known: false });
  });

  it("reads initials after a head of several words: 'Bộ Chỉ huy QS tỉnh' is Bộ Chỉ huy Quân sự tỉnh", () => {
    expect(resolver.resolve('Bộ Chỉ huy QS tỉnh')).toMatchObject({ name: 'Bộ Chỉ huy Quân sự tỉnh', known: true });
  });

  it("flags a vague group whose role note hides its form: 'Bộ phận chuyên môn (chủ trì)' is vague", () => {
    expect(resolver.resolve('Bộ phận chuyên môn (chủ trì)')).toMatchObject({ known: false, vague: true });
  });

  it("keeps a note after an unknown acronym with it, as after a name: 'UBKT, tham mưu' is one unit", () => {
    expect(splitUnits('UBKT, tham mưu')).toEqual(['UBKT, tham mưu']);
  });

  it('shares the head of a list only on its own line: the next line keeps its own words', () => {
    expect(splitUnits('Các Sở: Tài chính, Nội vụ\nphối hợp tham mưu')).toEqual(['Sở Tài chính', 'Sở Nội vụ', 'phối hợp tham mưu']);
  });

  it('shares the head of a list written behind a bullet', () => {
    expect(splitUnits('- Các Sở: Tài chính, Nội vụ, Y tế')).toEqual(['Sở Tài chính', 'Sở Nội vụ', 'Sở Y tế']);
    expect(names('• Các Sở: Tài chính, Nội vụ')).toEqual(['Sở Tài chính', 'Sở Nội vụ']);
  });

  it("never writes a list's head twice before a piece that already has it: 'Các Sở: Tài chính, Sở Ngoại thương'", () => {
    expect(splitUnits('Các Sở: Tài chính, Sở Ngoại thương')).toEqual(['Sở Tài chính', 'Sở Ngoại thương']);
  });

  it("matches a slip in a name of eight letters, and on a tie prefers the user's directory: 'Văn phòg' is Văn phòng Sở, not Văn phòng Tỉnh ủy", () => {
    expect(resolver.resolve('Văn phòg')).toMatchObject({ name: 'Văn phòng Sở', known: true });
  });

  it("takes the nearest of two names a slip could be: 'Trung tâm Công ngiệp' is Trung tâm Công nghiệp, not Trung tâm Công nghệ", () => {
    const custom = createUnitResolver([
      { name: 'Trung tâm Công nghệ', aliases: [] },
      { name: 'Trung tâm Công nghiệp', aliases: [] },
    ]);
    expect(custom.resolve('Trung tâm Công ngiệp')).toMatchObject({ name: 'Trung tâm Công nghiệp', known: true });
  });

  it("drops a bullet and a trailing semicolon around a single unit: '- Lãnh đạo các phòng chức năng;'", () => {
    expect(resolver.resolveCell('- Lãnh đạo các phòng chức năng;').map((u) => [u.written, u.vague])).toEqual([
      ['Lãnh đạo các phòng chức năng', true],
    ]);
  });

  it('drops every trailing dot after a unit: "Thanh tra Sở..." is written "Thanh tra Sở"', () => {
    expect(resolver.resolve('Thanh tra Sở...')).toMatchObject({ written: 'Thanh tra Sở', name: 'Thanh tra Sở' });
    expect(splitUnits('Văn phòng Sở, Thanh tra Sở...')).toEqual(['Văn phòng Sở', 'Thanh tra Sở']);
    expect(resolver.resolveCell('Văn phòng Sở, Thanh tra Sở...').map((u) => u.written)).toEqual(['Văn phòng Sở', 'Thanh tra Sở']);
  });

  it('gives no unit for an empty or blank cell', () => {
    expect(splitUnits('')).toEqual([]);
    expect(resolver.resolveCell(' \n ')).toEqual([]);
  });

  it("borrows the cell's head for a name that matches only loosely: 'Sở Tài chính, Nội vụ, Tư pháp tỉnh Đắk Nông' is three Sở", () => {
    expect(names('Sở Tài chính, Nội vụ, Tư pháp tỉnh Đắk Nông')).toEqual(['Sở Tài chính', 'Sở Nội vụ', 'Sở Tư pháp']);
  });

  it("counts a borrowed head for every piece the name spans: 'Sở Giao thông vận tải, Văn hóa, Thể thao và Du lịch' is two Sở", () => {
    expect(names('Sở Giao thông vận tải, Văn hóa, Thể thao và Du lịch')).toEqual(['Sở Giao thông vận tải', 'Sở Văn hóa, Thể thao và Du lịch']);
  });

  it("keeps a list of kinds of bodies whole: 'Các bệnh viện, trung tâm' is one vague group", () => {
    expect(resolver.resolveCell('Các bệnh viện, trung tâm').map((u) => [u.written, u.known, u.vague])).toEqual([
      ['Các bệnh viện, trung tâm', false, true],
    ]);
  });

  it("opens a cell with a vague group of generic nouns, then the unit named after it: 'Sở, ngành, Văn phòng Sở'", () => {
    expect(resolver.resolveCell('Sở, ngành, Văn phòng Sở').map((u) => [u.written, u.known, u.vague])).toEqual([
      ['Sở, ngành', false, true],
      ['Văn phòng Sở', true, false],
    ]);
  });

  it('never cuts inside brackets that follow a stray closing bracket (a numbered list)', () => {
    const cut = splitUnits('1) Sở Tài chính; 2) Sở Y tế (Phòng Nghiệp vụ, Thanh tra)');
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/\(Phòng Nghiệp vụ, Thanh tra\)$/);
  });

  it('builds one resolver per directory and answers a repeated cell from memory, until the memo is reset', () => {
    const directory = [{ name: 'Tổ Công nghệ thông tin', aliases: ['Tổ CNTT'] }];
    const first = createUnitResolver(directory);
    expect(createUnitResolver(directory)).toBe(first);
    expect(first.resolveCell('Tổ CNTT, Sở Y tế')).toBe(first.resolveCell('Tổ CNTT, Sở Y tế'));
    resetUnitMemo();
    expect(createUnitResolver(directory)).not.toBe(first);
  });
});
