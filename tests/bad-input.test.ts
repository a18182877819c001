// Every bad input gets exit 2, every problem at once, each with file, pointer and line:column,
// and never a stack trace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, xuncha } from './helpers.js';

interface Case { file: string; exit: number; expect: string[]; problems?: number; args?: string[] }
const cases = parse(readFileSync(`${ROOT}fixtures/bad/cases.yaml`, 'utf8')) as { logs: Case[] };

describe.each(cases.logs)('log $file', (c) => {
  const path = `fixtures/bad/${c.file}`;
  const run = xuncha(['check', path, '--as-of', '2026-12-31', ...(c.args ?? [])]);
  it(`exits ${c.exit} and names the place`, () => {
    expect(run.code).toBe(c.exit);
    const out = c.exit === 2 ? run.stderr : run.stdout;
    for (const fragment of c.expect) expect(out).toContain(fragment);
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    if (c.exit === 2) {
      expect(run.stdout).toBe(''); // nothing evaluated, nothing reported
      expect(out).toContain(`（共 ${c.problems ?? 1} 处问题）`);
    }
  });
  if (c.exit === 2) {
    it('gives the same problems as JSON with --format json', () => {
      const j = xuncha(['check', path, '--as-of', '2026-12-31', '--format', 'json']);
      expect(j.code).toBe(2);
      const doc = JSON.parse(j.stdout);
      expect(doc.format).toBe('xuncha-errors/1');
      expect(doc.errors).toHaveLength(c.problems ?? 1);
      expect(doc.errors[0].file).toBe(path);
    });
  }
});
