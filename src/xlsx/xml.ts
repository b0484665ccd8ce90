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

/** The prefix ("x:", or "") an element is spelled with in a part, from its first occurrence. */
export function prefixOf(xml: string, element: string): string {
  return new RegExp(`<([A-Za-z_][\\w.-]*:)?${element}[\\s>/]`).exec(xml)?.[1] ?? '';
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
