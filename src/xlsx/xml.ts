/** XML helpers over saxes (a strict, streaming XML parser): namespace prefixes are dropped, text is decoded. */
import { SaxesParser } from 'saxes';

export type Attributes = Record<string, string>;

export interface XmlHandlers {
  open?: (name: string, attributes: Attributes, selfClosing: boolean) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** "x:worksheet" → "worksheet": packages written by some tools prefix every element. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name, whatever its prefix ("r:id", "id"). */
export function attribute(attributes: Attributes, local: string): string | undefined {
  if (local in attributes) return attributes[local];
  for (const key in attributes) if (localName(key) === local) return attributes[key];
  return undefined;
}

export class XmlError extends Error {
  constructor(part: string, cause: string) {
    super(`${part}: ${cause}`);
    this.name = 'XmlError';
  }
}

/** Parse a whole part, calling the handlers with local names. CDATA counts as text. */
export function parseXml(part: string, xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  const { open, close, text } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Attributes, tag.isSelfClosing));
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  try {
    parser.write(xml).close();
  } catch (err) {
    throw new XmlError(part, (err as Error).message);
  }
}

/** Text for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * Characters XML 1.0 cannot carry (controls other than tab, newline, return; lone surrogates) written the way
 * spreadsheets do, as `_xHHHH_`; a literal "_xHHHH_" in the text is protected by escaping its underscore.
 */
const NEEDS_CELL_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

export function escapeCellText(text: string): string {
  if (!NEEDS_CELL_ESCAPE.test(text)) return text;
  return escapeXml(
    text
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) =>
        c.length === 1 ? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_` : c[0] + `_x${c.charCodeAt(1).toString(16).toUpperCase().padStart(4, '0')}_`,
      ),
  );
}

/** The reverse of `escapeCellText`'s `_xHHHH_` escapes, as Excel reads them. */
export function unescapeCellText(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references decoded. */
export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name],
  );
}

export interface ScanHandlers {
  /** `attrs` is the start tag's raw attribute text: read it with `attr`. */
  open: (name: string, attrs: string, selfClosing: boolean) => void;
  close: (name: string) => void;
  /** Decoded character data (CDATA included), never empty. */
  text: (text: string) => void;
}

const START_TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

/**
 * A fast, lenient scan for the shared-string table, the largest part after the worksheets: saxes takes about 2.5× as
 * long to tokenize the same text (it builds an object per attribute and checks every character), which the command
 * line's time budget cannot spare; the structural parts keep saxes' strictness.
 * Handles what these parts contain: prefixed names, attributes in either quotes, self-closing tags, character and
 * entity references, CDATA, comments and processing instructions. Anything that is not a tag is text.
 */
export function scanXml(part: string, xml: string, handlers: ScanHandlers): void {
  const { open, close, text } = handlers;
  const length = xml.length;
  let i = 0;
  while (i < length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (xml.slice(i).trim()) throw new XmlError(part, `text after the root element at ${i}`);
      return;
    }
    if (lt > i) text(decodeXml(xml.slice(i, lt)));
    const next = xml.charCodeAt(lt + 1);
    if (next === 47) {
      // </name>
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new XmlError(part, `unclosed end tag at ${lt}`);
      close(localName(xml.slice(lt + 2, gt).trim()));
      i = gt + 1;
      continue;
    }
    if (next === 33) {
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt);
        if (end < 0) throw new XmlError(part, `unclosed CDATA at ${lt}`);
        if (end > lt + 9) text(xml.slice(lt + 9, end));
        i = end + 3;
      } else if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt);
        if (end < 0) throw new XmlError(part, `unclosed comment at ${lt}`);
        i = end + 3;
      } else {
        const gt = xml.indexOf('>', lt);
        if (gt < 0) throw new XmlError(part, `unclosed declaration at ${lt}`);
        i = gt + 1;
      }
      continue;
    }
    if (next === 63) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) throw new XmlError(part, `unclosed processing instruction at ${lt}`);
      i = end + 2;
      continue;
    }
    START_TAG.lastIndex = lt;
    const m = START_TAG.exec(xml);
    if (!m) throw new XmlError(part, `malformed tag at ${lt}`);
    const name = localName(m[1]);
    const selfClosing = m[3] === '/';
    open(name, m[2], selfClosing);
    if (selfClosing) close(name);
    i = START_TAG.lastIndex;
  }
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** An attribute's decoded value from a start tag's raw attribute text, by its exact (prefixed) name. */
export function attr(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at >= 0) {
    const start = at + name.length + 3;
    return decodeXml(attrs.slice(start, attrs.indexOf('"', start)));
  }
  if (attrs.indexOf(`${name}=`) < 0 && attrs.indexOf(`${name} `) < 0 && attrs.indexOf(`${name}\t`) < 0) return undefined;
  // Unusual spellings: other whitespace, spaces around "=", single quotes.
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`(?:^|\\s)${name.replace(/[.]/g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}
