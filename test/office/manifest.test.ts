import { existsSync, readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

const xml = readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8');
const dist = new URL('../../dist/office/', import.meta.url).pathname;

/** Every element with its attributes, flattened (the manifest is small). */
function elements(): { tag: string; attrs: Record<string, string>; path: string }[] {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true }).parse(xml);
  const out: { tag: string; attrs: Record<string, string>; path: string }[] = [];
  const walk = (nodes: Record<string, unknown>[], path: string) => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (!tag || tag === '#text' || tag === '?xml' || tag === '#comment') continue;
      const attrs = Object.fromEntries(Object.entries((node[':@'] ?? {}) as Record<string, string>).map(([k, v]) => [k.slice(1), v]));
      out.push({ tag, attrs, path: `${path}/${tag}` });
      walk(node[tag] as Record<string, unknown>[], `${path}/${tag}`);
    }
  };
  walk(parsed, '');
  return out;
}

describe('manifest.xml', () => {
  const all = elements();
  const defined = new Map(all.filter((e) => e.attrs.id && /Resources/.test(e.path)).map((e) => [e.attrs.id, e.attrs.DefaultValue]));

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('defines every resid it uses, once', () => {
    const used = all.filter((e) => e.attrs.resid).map((e) => e.attrs.resid);
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) expect(defined.has(resid), resid).toBe(true);
    const ids = all.filter((e) => e.attrs.id && /Resources/.test(e.path)).map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses one shared runtime page everywhere: the runtime, the custom functions page and the function file', () => {
    const runtime = all.find((e) => e.tag === 'Runtime')!;
    expect(runtime.attrs.lifetime).toBe('long');
    const page = all.find((e) => /ExtensionPoint\/Page\/SourceLocation$/.test(e.path))!;
    const functionFile = all.find((e) => e.tag === 'FunctionFile')!;
    const taskpane = all.find((e) => /Action\/SourceLocation$/.test(e.path))!;
    expect(new Set([runtime.attrs.resid, page.attrs.resid, functionFile.attrs.resid, taskpane.attrs.resid])).toEqual(new Set(['Taskpane.Url']));
    expect(all.some((e) => e.tag === 'Set' && e.attrs.Name === 'SharedRuntime' && e.attrs.MinVersion === '1.1')).toBe(true);
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(defined.get('Functions.Namespace')).toBe('CCHC');
  });

  it('points every URL at a file the build puts in dist/office', () => {
    const urls = [...all.flatMap((e) => Object.values(e.attrs)), ...defined.values()].filter((v): v is string => typeof v === 'string' && v.startsWith('https://localhost:3000/'));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of new Set(urls)) expect(existsSync(`${dist}${new URL(url).pathname.slice(1)}`), url).toBe(true);
  });

  it('has Vietnamese names and a ribbon command the task pane script registers', () => {
    expect(all.find((e) => e.tag === 'DisplayName')!.attrs.DefaultValue).toBe('Theo dõi kế hoạch CCHC');
    expect(defined.get('ReportButton.Label')).toBe('Tạo báo cáo quý');
    const fnName = xml.match(/<FunctionName>([^<]+)<\/FunctionName>/)![1];
    expect(readFileSync(`${dist}taskpane.js`, 'utf8')).toContain(`"${fnName}"`);
  });
});
