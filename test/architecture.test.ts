import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreDir = new URL('../src/core/', import.meta.url).pathname;
const files = readdirSync(coreDir).filter((f) => f.endsWith('.ts'));

describe('the core', () => {
  it.each(files)('%s imports only other core modules and pure libraries, never a host API', (file) => {
    // Comments may name the hosts; code may not.
    const source = readFileSync(join(coreDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec.startsWith('./') || spec === 'fastest-levenshtein').toBe(true);
    expect(source).not.toMatch(/\b(SpreadsheetApp|HtmlService|Excel\.|Office\.|document\.|window\.|process\.|require\()/);
  });
});
