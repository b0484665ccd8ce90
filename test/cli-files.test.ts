/**
 * The command line's files: a copy is never written over a file someone has edited, never left partial, and every
 * file problem is told in Vietnamese with what was expected.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeed002, tempDir } from './fixtures/workbooks';

const dir = tempDir('cchc-files-');
const seed = join(dir, 'seed002.xlsx');
const args = ['--period', 'Q1/2024', '--as-of', '2024-04-10'];

function cchc(...a: string[]) {
  const r = spawnSync(process.execPath, ['bin/cchc.js', ...a], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

beforeAll(async () => {
  await buildSeed002(seed);
});

describe('writing the copy', () => {
  it('writes again over its own copy when nobody has changed it since', () => {
    const out = join(dir, 'again.xlsx');
    expect(cchc('report', seed, ...args, '--out', out).code).toBe(0);
    const first = sha(out);
    const second = cchc('report', seed, ...args, '--as-of', '2024-04-11', '--out', out);
    expect(second.code).toBe(0);
    expect(sha(out)).not.toBe(first);
  });

  it('refuses to write over a copy someone has saved since, names --overwrite, and with it writes', async () => {
    const out = join(dir, 'edited.xlsx');
    expect(cchc('report', seed, ...args, '--out', out).code).toBe(0);
    // Someone opens the copy, types a note and saves it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.worksheets[0].getCell('K1').value = 'ghi chú của tôi';
    await wb.xlsx.writeFile(out);
    const edited = sha(out);
    const refused = cchc('report', seed, ...args, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Tệp "${out}" đã có và không phải bản công cụ vừa ghi`);
    expect(refused.stderr).toContain('--overwrite');
    expect(sha(out)).toBe(edited);
    expect(cchc('report', seed, ...args, '--out', out, '--overwrite').code).toBe(0);
    expect(sha(out)).not.toBe(edited);
  });

  it('refuses to write over a file the tool did not write', () => {
    const out = join(dir, 'someone-elses.xlsx');
    copyFileSync(seed, out);
    const r = cchc('report', seed, ...args, '--out', out);
    expect(r.code).toBe(2);
    expect(sha(out)).toBe(sha(seed));
  });

  it('says the folder does not exist, and leaves nothing behind', () => {
    const out = join(dir, 'khong-co', 'bao-cao.xlsx');
    const r = cchc('report', seed, ...args, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Lỗi: Không ghi được "${out}": thư mục "${join(dir, 'khong-co')}" không tồn tại.\n`);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('says when --out names a folder, without guessing that Excel has the file open', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const r = cchc('report', seed, ...args, '--out', folder);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('đó là một thư mục');
    expect(r.stderr).not.toContain('Excel');
    expect(leftovers(folder)).toEqual([]);
  });
});

describe('the launcher', () => {
  const cache = 'dist/cli/cchc.cjs.check.cache';

  it('compiles with a code cache per command, and a damaged cache only costs a rewrite', () => {
    const first = cchc('check', seed, '--as-of', '2024-04-10', '--json');
    expect(first.code).toBe(0);
    expect(existsSync(cache)).toBe(true);
    const cached = cchc('check', seed, '--as-of', '2024-04-10', '--json');
    expect(cached.stdout).toBe(first.stdout);
    writeFileSync(cache, 'không phải bộ nhớ đệm');
    const damaged = cchc('check', seed, '--as-of', '2024-04-10', '--json');
    expect(damaged.code).toBe(0);
    expect(damaged.stdout).toBe(first.stdout);
    expect(readFileSync(cache).toString('utf8')).not.toBe('không phải bộ nhớ đệm');
  });
});

describe('reading packages that cannot be read', () => {
  /** The seed workbook turned into a ZIP64 archive's shape: a ZIP64 end record and locator before the end record. */
  function zip64(): string {
    const buf = readFileSync(seed);
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(eocd), 8);
    const end = Buffer.from(buf.subarray(eocd));
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    const file = join(dir, 'zip64.xlsx');
    writeFileSync(file, Buffer.concat([buf.subarray(0, eocd), record, locator, end]));
    return file;
  }

  it('says a ZIP64 package is not supported and how to save it so it is', () => {
    const file = zip64();
    const r = cchc('check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Tệp "${file}" được nén theo kiểu ZIP64 mà công cụ chưa đọc được. Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.`);
  });

  it('says a package with an encrypted part needs its password removed', () => {
    const buf = Buffer.from(readFileSync(seed));
    const central = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt16LE(buf.readUInt16LE(central + 8) | 1, central + 8);
    const file = join(dir, 'encrypted.xlsx');
    writeFileSync(file, buf);
    const r = cchc('check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('có phần bị mã hóa. Hãy bỏ mật khẩu');
  });

  it('says a part that does not inflate or fails its checksum is damaged', () => {
    const buf = Buffer.from(readFileSync(seed));
    // Flip bytes in the middle of the first entry's data.
    const nameLength = buf.readUInt16LE(26);
    const extra = buf.readUInt16LE(28);
    const start = 30 + nameLength + extra;
    for (let i = 0; i < 8; i++) buf[start + 4 + i] ^= 0xff;
    const file = join(dir, 'damaged.xlsx');
    writeFileSync(file, buf);
    const r = cchc('check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bị hỏng hoặc không phải \.xlsx hợp lệ \(.*(cannot inflate|CRC mismatch)\)/);
  });
});
