/**
 * The ZIP container of an .xlsx/.xlsm package, read and rewritten at the level of its records.
 *
 * Why by hand: the copy must carry every part the tool does not change *as stored* (same compressed bytes, same
 * local header), which no well-kept zip library offers; they all inflate and deflate again. Inflating and deflating
 * themselves are Node's zlib. The format is PKWARE's APPNOTE: local file headers, then the central directory, then
 * the end-of-central-directory record (EOCD).
 */
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export class ZipError extends Error {
  constructor(
    message: string,
    /** What went wrong, for the caller's Vietnamese message. */
    readonly reason: 'not-zip' | 'zip64' | 'encrypted' | 'method' | 'damaged',
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** The part name as stored, e.g. "xl/worksheets/sheet1.xml". */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Where the local header starts and where the entry's stored bytes (header, data, descriptor) end. */
  localStart: number;
  localEnd: number;
  dataStart: number;
  /** The central-directory record as stored. */
  central: Buffer;
}

export interface ZipArchive {
  buffer: Buffer;
  entries: ZipEntry[];
  /** The archive comment (the tool keeps its write stamp there). */
  comment: Buffer;
  /** Offset of the first central-directory record: everything before it is the stored entries. */
  centralStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const ZIP64_LOCATOR = 0x07064b50;

function findEocd(buf: Buffer): number {
  // The EOCD is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) return i;
  }
  return -1;
}

/** Read the directory of a ZIP archive. Entries are not inflated until asked for. */
export function readZip(buffer: Buffer): ZipArchive {
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL) throw new ZipError('not a zip archive', 'not-zip');
  const eocd = findEocd(buffer);
  if (eocd < 0) throw new ZipError('no end-of-central-directory record', 'damaged');
  const count = buffer.readUInt16LE(eocd + 10);
  const centralSize = buffer.readUInt32LE(eocd + 12);
  const centralStart = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || centralStart === 0xffffffff || (eocd >= 20 && buffer.readUInt32LE(eocd - 20) === ZIP64_LOCATOR)) {
    throw new ZipError('ZIP64 archive', 'zip64');
  }
  if (centralStart + centralSize > eocd) throw new ZipError('central directory out of bounds', 'damaged');
  const entries: ZipEntry[] = [];
  let p = centralStart;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buffer.readUInt32LE(p) !== CENTRAL) throw new ZipError(`central record ${i} damaged`, 'damaged');
    const flags = buffer.readUInt16LE(p + 8);
    const method = buffer.readUInt16LE(p + 10);
    const crc = buffer.readUInt32LE(p + 16);
    const compressedSize = buffer.readUInt32LE(p + 20);
    const size = buffer.readUInt32LE(p + 24);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const localStart = buffer.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    // Bit 11: the name is UTF-8; otherwise CP437, which for the ASCII names of a package is the same.
    const name = buffer.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localStart === 0xffffffff) throw new ZipError('ZIP64 entry', 'zip64');
    if (flags & 1) throw new ZipError(`${name} is encrypted`, 'encrypted');
    if (localStart + 30 > buffer.length || buffer.readUInt32LE(localStart) !== LOCAL) throw new ZipError(`${name}: local header damaged`, 'damaged');
    const dataStart = localStart + 30 + buffer.readUInt16LE(localStart + 26) + buffer.readUInt16LE(localStart + 28);
    let localEnd = dataStart + compressedSize;
    if (flags & 8) {
      // A data descriptor follows the data: 12 bytes, or 16 with its optional signature.
      localEnd += localEnd + 4 <= buffer.length && buffer.readUInt32LE(localEnd) === DESCRIPTOR ? 16 : 12;
    }
    if (localEnd > centralStart) throw new ZipError(`${name}: data out of bounds`, 'damaged');
    entries.push({ name, method, compressedSize, size, crc, localStart, localEnd, dataStart, central: buffer.subarray(p, end) });
    p = end;
  }
  return { buffer, entries, comment: buffer.subarray(eocd + 22), centralStart };
}

/** An entry's content, inflated and checked against its CRC. */
export function entryData(archive: ZipArchive, entry: ZipEntry): Buffer {
  const stored = archive.buffer.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = stored;
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(stored);
    } catch {
      throw new ZipError(`${entry.name}: cannot inflate`, 'damaged');
    }
  } else throw new ZipError(`${entry.name}: compression method ${entry.method}`, 'method');
  if (data.length !== entry.size || crc32(data) >>> 0 !== entry.crc) throw new ZipError(`${entry.name}: CRC mismatch`, 'damaged');
  return data;
}

/** What the rewritten archive holds: an entry copied as stored, or new content under a name. */
export type OutEntry = { copy: ZipEntry } | { name: string; data: Buffer };

const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

/**
 * Write an archive: copied entries keep their stored bytes (local header, data, descriptor) and their central
 * record, with only the record's offset moved; new entries are deflated. The archive has no comment.
 */
export function writeZip(source: ZipArchive | null, out: OutEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of out) {
    if ('copy' in item) {
      const e = item.copy;
      const stored = source!.buffer.subarray(e.localStart, e.localEnd);
      const central = Buffer.from(e.central);
      central.writeUInt32LE(offset, 42);
      chunks.push(stored);
      centrals.push(central);
      offset += stored.length;
      continue;
    }
    const name = Buffer.from(item.name, 'utf8');
    const deflated = deflateRawSync(item.data);
    const method = deflated.length < item.data.length ? 8 : 0;
    const body = method === 8 ? deflated : item.data;
    const crc = crc32(item.data) >>> 0;
    const flags = /[^\x20-\x7e]/.test(item.name) ? 0x800 : 0;
    // The fields local header and central record share, from "version needed" to "extra field length".
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(flags, 2);
    common.writeUInt16LE(method, 4);
    common.writeUInt16LE(0, 6);
    common.writeUInt16LE(DOS_DATE_1980, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(item.data.length, 18);
    common.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    common.copy(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    common.copy(central, 6);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  if (offset > 0xfffffffe) throw new ZipError('archive too large for ZIP without ZIP64', 'zip64');
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const count = out.length;
  if (count >= 0xffff) throw new ZipError('too many entries for ZIP without ZIP64', 'zip64');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD, 0);
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(centralSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...centrals, eocd]);
}

/** An archive written by `writeZip` (no comment yet) with `comment` set. */
export function withComment(archive: Buffer, comment: Buffer): Buffer {
  const out = Buffer.concat([archive, comment]);
  out.writeUInt16LE(comment.length, archive.length - 2);
  return out;
}

/** An archive's comment, or null when the buffer ends in no end-of-central-directory record. */
export function archiveComment(buffer: Buffer): Buffer | null {
  const eocd = findEocd(buffer);
  return eocd < 0 ? null : buffer.subarray(eocd + 22);
}

/** A digest of everything an archive stores before its comment: changes whenever any byte of the package does. */
export function archiveDigest(buffer: Buffer, commentLength: number): string {
  return createHash('sha256').update(buffer.subarray(0, buffer.length - commentLength - 2)).digest('hex').slice(0, 32);
}
