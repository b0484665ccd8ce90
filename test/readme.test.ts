import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCatalogue } from '../build/catalogue-docs';

describe('the README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('lists the custom functions exactly as the catalogue declares them (run `npm run docs` after a change)', () => {
    expect(readme).toBe(withCatalogue(readme));
    expect(readme).toContain('`CCHC_ONTIME([ky]; [don_vi]; [vung_phu_luc])`');
  });

  it('shows the report exactly as `npm run demo` prints it', () => {
    const shown = /<!-- demo-output -->\n```\n([\s\S]*?)\n```/.exec(readme)![1];
    const out = spawnSync(process.execPath, ['bin/cchc.js', 'demo', '--out-dir', mkdtempSync(join(tmpdir(), 'cchc-readme-'))], { encoding: 'utf8' }).stdout;
    expect(out).toContain(`\n${shown}\n\nĐã ghi trang`);
  });

  it('shows every picture in docs/ and no picture that is missing', () => {
    const shown = new Set([...readme.matchAll(/(?:\]\(|src=")(docs\/[^)"]+\.png)/g)].map((m) => m[1]));
    const files = readdirSync(new URL('../docs/', import.meta.url)).filter((f) => f.endsWith('.png')).map((f) => `docs/${f}`);
    expect([...shown].sort()).toEqual(files.sort());
  });

  it('starts with the set-up-and-run command and the test command that .ci/run runs', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1];
    expect(firstBlock).toMatch(/^npm ci && npm run demo/m);
    expect(firstBlock).toMatch(/^npm test/m);
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toMatch(/^npm test(?: -- .*)?$/m);
  });
});
