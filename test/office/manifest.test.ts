import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * The ExcelApi version the Excel host's code needs: every member it calls, looked up in @types/office-js, whose doc
 * comments carry "[Api set: ExcelApi 1.n]". A name declared by several objects counts at its earliest version, so a
 * common name (load, values) never raises the bar by accident; a method only newer objects have (for example
 * getMergedAreasOrNullObject, 1.13) does.
 */
function excelApiNeeded(): { minor: number; by: string[] } {
  const dts = readFileSync(new URL('../../node_modules/@types/office-js/index.d.ts', import.meta.url), 'utf8');
  const earliest = new Map<string, number>();
  // Each documented member: its doc comment, then its name. Untagged (generic) members count as 1.1.
  const member = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n\s*(?:readonly\s+)?(\w+)\s*[(?:<]/g;
  for (let m = member.exec(dts); m; m = member.exec(dts)) {
    const version = /\[Api set: ExcelApi (\d+)\.(\d+)\]/.exec(m[1]);
    const minor = !version ? 1 : Number(version[1]) === 1 ? Number(version[2]) : 99;
    earliest.set(m[2], Math.min(earliest.get(m[2]) ?? 99, minor));
  }
  const dir = new URL('../../src/hosts/office/', import.meta.url);
  const source = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
  const used = new Set([...source.matchAll(/\.(\w+)\b/g)].map((m) => m[1]));
  const minor = Math.max(...[...used].map((n) => earliest.get(n) ?? 1));
  return { minor, by: [...used].filter((n) => earliest.get(n) === minor) };
}

describe('manifest.xml', () => {
  const all = elements();
  const defined = new Map(all.filter((e) => e.attrs.id && /Resources/.test(e.path)).map((e) => [e.attrs.id, e.attrs.DefaultValue]));

  it('declares the requirement sets the code needs: the ExcelApi its calls need, the shared runtime, custom functions', () => {
    const sets = new Map(all.filter((e) => e.tag === 'Set' && /Requirements\/Sets/.test(e.path)).map((e) => [e.attrs.Name, e.attrs.MinVersion]));
    const needed = excelApiNeeded();
    expect(needed.minor, `needed by ${needed.by.join(', ')}`).toBeGreaterThanOrEqual(13);
    expect(sets.get('ExcelApi'), `ExcelApi 1.${needed.minor} is needed by ${needed.by.join(', ')}`).toBe(`1.${needed.minor}`);
    expect(sets.get('SharedRuntime')).toBe('1.1');
    // CustomFunctions.Error (how the functions report a Vietnamese error) arrives in CustomFunctionsRuntime 1.2.
    const functions = readFileSync(new URL('../../src/hosts/office/functions.ts', import.meta.url), 'utf8');
    expect(functions).toContain('CustomFunctions.Error');
    expect(sets.get('CustomFunctionsRuntime')).toBe('1.2');
  });

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
    // It makes 6- and 9-month and yearly reports too, so it does not say "quý".
    expect(defined.get('ReportButton.Label')).toBe('Tạo báo cáo định kỳ');
    const fnName = xml.match(/<FunctionName>([^<]+)<\/FunctionName>/)![1];
    expect(readFileSync(`${dist}taskpane.js`, 'utf8')).toContain(`"${fnName}"`);
  });
});
