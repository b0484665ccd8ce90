import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreDir = new URL('../src/core/', import.meta.url).pathname;
const files = readdirSync(coreDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe('the core', () => {
  it('is laid out by pipeline stage: reading, measuring, presenting, consolidating (the units\' answers), functions', () => {
    const folders = new Set(files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]));
    expect([...folders].sort()).toEqual(['consolidating', 'functions', 'measuring', 'presenting', 'reading']);
  });

  it.each(files)('%s imports only other core modules and pure libraries, never a host API', (file) => {
    // Comments may name the hosts; code may not.
    const source = readFileSync(join(coreDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) {
      if (spec === 'fastest-levenshtein') continue;
      expect(spec.startsWith('.')).toBe(true);
      // A relative import must stay inside src/core.
      expect(relative(coreDir, resolve(dirname(join(coreDir, file)), spec)).startsWith('..')).toBe(false);
    }
    expect(source).not.toMatch(/\b(SpreadsheetApp|HtmlService|Excel\.|Office\.|document\.|window\.|process\.|require\()/);
  });
});
