/**
 * The command line's files: opening a workbook with every failure told in Vietnamese, and writing a copy so that
 * nothing is ever lost (a temporary file beside the target, then a rename; never over a file someone has edited).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { WorkbookData } from '../core/types';
import { PackageError, XlsxPackage } from '../xlsx/package';
import { readWorkbookData } from '../xlsx/read';
import { isUntouchedCopy } from '../xlsx/write';
import { XmlError } from '../xlsx/xml';
import { ZipError } from '../xlsx/zip';
import { CliError } from './errors';

function readFailure(path: string, code: string | undefined): CliError {
  if (code === 'ENOENT') return new CliError(`Không tìm thấy tệp "${path}".`);
  if (code === 'EISDIR') return new CliError(`"${path}" là một thư mục, không phải tệp .xlsx.`);
  if (code === 'EACCES' || code === 'EPERM') return new CliError(`Không có quyền đọc tệp "${path}".`);
  if (code === 'EBUSY') return new CliError(`Tệp "${path}" đang bị một chương trình khác khóa (ví dụ Excel). Hãy đóng tệp rồi chạy lại.`);
  return new CliError(`Không mở được tệp "${path}" (${code ?? 'lỗi đọc tệp'}).`);
}

/** Open an .xlsx/.xlsm package, turning every way it can fail into a message that says what was expected. */
export async function openWorkbook(path: string): Promise<XlsxPackage> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (err) {
    throw readFailure(path, (err as NodeJS.ErrnoException).code);
  }
  if (buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0) {
    throw new CliError(
      `Tệp "${path}" là tệp Excel cũ (.xls) hoặc tệp có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu nếu có, ` +
        `rồi lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".`,
    );
  }
  if (buffer[0] !== 0x50 || buffer[1] !== 0x4b) {
    throw new CliError(`Tệp "${path}" không phải tệp .xlsx (sổ làm việc Excel). Hãy lưu lại tệp dưới dạng .xlsx.`);
  }
  try {
    return new XlsxPackage(buffer);
  } catch (err) {
    throw packageFailure(path, err);
  }
}

/** A failure while reading the package's parts, as a message. */
export function packageFailure(path: string, err: unknown): Error {
  if (err instanceof ZipError) {
    if (err.reason === 'zip64') {
      return new CliError(`Tệp "${path}" được nén theo kiểu ZIP64 mà công cụ chưa đọc được. Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.`);
    }
    if (err.reason === 'encrypted') return new CliError(`Tệp "${path}" có phần bị mã hóa. Hãy bỏ mật khẩu rồi lưu lại dưới dạng .xlsx.`);
    if (err.reason === 'method') return new CliError(`Tệp "${path}" được nén theo cách công cụ không đọc được (${err.message}). Hãy lưu lại bằng Excel.`);
    return new CliError(`Tệp "${path}" bị hỏng hoặc không phải .xlsx hợp lệ (${err.message}).`);
  }
  if (err instanceof PackageError || err instanceof XmlError) return new CliError(`Tệp "${path}" bị hỏng hoặc không phải .xlsx hợp lệ (${err.message}).`);
  return err as Error;
}

function writeFailure(path: string, code: string | undefined, detail: string): CliError {
  if (code === 'ENOENT') return new CliError(`Không ghi được "${path}": thư mục "${dirname(path)}" không tồn tại.`);
  if (code === 'ENOTDIR') return new CliError(`Không ghi được "${path}": "${dirname(path)}" không phải là thư mục.`);
  if (code === 'EISDIR') return new CliError(`Không ghi được "${path}": đó là một thư mục. Hãy ghi tên tệp, ví dụ --out bao-cao.xlsx.`);
  if (code === 'EBUSY' || code === 'ETXTBSY') return new CliError(`Không ghi được "${path}": tệp đang bị một chương trình khác khóa (ví dụ đang mở trong Excel). Hãy đóng tệp rồi chạy lại.`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new CliError(`Không ghi được "${path}": không có quyền ghi (hoặc tệp đang mở trong Excel trên Windows). Hãy đóng tệp hoặc chọn thư mục khác.`);
  }
  if (code === 'ENOSPC') return new CliError(`Không ghi được "${path}": ổ đĩa đã đầy.`);
  if (code === 'EROFS') return new CliError(`Không ghi được "${path}": ổ đĩa chỉ cho đọc.`);
  return new CliError(`Không ghi được "${path}" (${code ?? detail}).`);
}

/**
 * Write a copy: refuse to replace a file that the tool did not write or that someone has saved since (unless
 * `overwrite`), write to a temporary file beside it, then rename, so the target is never partial or empty.
 */
export async function saveCopy(path: string, buffer: Buffer, options: { overwrite?: boolean } = {}): Promise<void> {
  // Only read to check the stamp: with --overwrite the file is replaced whatever it holds.
  if ((await existingFile(path)) && !options.overwrite && !isUntouchedCopy(await readExisting(path))) {
    throw new CliError(
      `Tệp "${path}" đã có và không phải bản công cụ vừa ghi (đã được sửa, hoặc là tệp khác). Công cụ không ghi đè ` +
        `để khỏi mất dữ liệu: chọn tên khác bằng --out, hoặc thêm --overwrite nếu chắc chắn muốn thay tệp này.`,
    );
  }
  await writeAtomically(path, buffer);
}

async function readExisting(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw writeFailure(path, (err as NodeJS.ErrnoException).code, (err as Error).message);
  }
}

/** Whether a file is at `path` (a folder there, or a path that cannot be looked at, is a Vietnamese error). */
async function existingFile(path: string): Promise<boolean> {
  try {
    if ((await stat(path)).isDirectory()) throw writeFailure(path, 'EISDIR', '');
    return true;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw writeFailure(path, code, (err as Error).message);
    return false;
  }
}

/** Beside the target, then renamed: a failed write never leaves a partial file. */
async function writeAtomically(path: string, buffer: Buffer): Promise<void> {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, buffer, { flag: 'wx' });
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw writeFailure(path, (err as NodeJS.ErrnoException).code, (err as Error).message);
  }
}

/**
 * Write a new document (the .docx draft). An existing file is never replaced without --overwrite: a draft is what
 * staff go on to edit (the assessment, the proposals), so a second run must not wipe their text.
 */
export async function saveFile(path: string, buffer: Buffer, options: { overwrite?: boolean; option?: string } = {}): Promise<void> {
  if ((await existingFile(path)) && !options.overwrite) {
    throw new CliError(
      `Tệp "${path}" đã có (có thể đã được soạn tiếp). Công cụ không ghi đè để khỏi mất nội dung: chọn tên khác bằng ` +
        `${options.option ?? '--out'}, hoặc thêm --overwrite nếu chắc chắn muốn thay tệp này.`,
    );
  }
  await writeAtomically(path, buffer);
}

/** Open a workbook and read it as the core's data. */
export async function readWorkbookFile(path: string): Promise<{ pkg: XlsxPackage; data: WorkbookData }> {
  const pkg = await openWorkbook(path);
  try {
    return { pkg, data: readWorkbookData(pkg) };
  } catch (err) {
    throw packageFailure(path, err);
  }
}

/** A folder to write into, created when missing; a file in its way, or no right to create it, is a Vietnamese error. */
export async function ensureFolder(dir: string, option: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new CliError(`${option} "${dir}": đã có một tệp trùng tên (hoặc một phần của đường dẫn là tệp), không tạo được thư mục.`);
    throw writeFailure(dir, code, (err as Error).message);
  }
}
