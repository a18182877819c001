// checkFiles: many logs in groups. Every file is validated, so that all input problems come out
// together; nothing is evaluated once a log has failed; results come in the order of the files.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles, GROUP } from '../src/check.js';
import type { CheckResult } from '../src/model/finding.js';
import { InputError } from '../src/model/problem.js';
import { calendar, DEMO, DEMO_AS_OF, ROOT, rules } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'xuncha-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** n copies of the demo round, with bad logs at the given places. */
function files(n: number, bad: Record<number, string> = {}): string[] {
  return Array.from({ length: n }, (_, i) => {
    const f = join(dir, `${String(i).padStart(3, '0')}.json`);
    copyFileSync(bad[i] ? `${ROOT}fixtures/bad/log/${bad[i]}` : DEMO, f);
    return f;
  });
}

const checker = { rules, cal: calendar };

describe('checkFiles', () => {
  it('checks logs beyond one group, in the order given, each as a single check would', async () => {
    const fs = files(GROUP + 5);
    const results: CheckResult[] = [];
    await checkFiles(fs, checker, { asOf: DEMO_AS_OF }, (r) => results.push(r));
    expect(results.map((r) => r.file)).toEqual(fs);
    const one: CheckResult[] = [];
    await checkFiles([DEMO], checker, { asOf: DEMO_AS_OF }, (r) => one.push(r));
    expect(one[0]!.summary).toEqual({ violation: 18, advisory: 7, pending: 8 }); // as in the demo golden file
    for (const r of results) expect(r.findings).toEqual(one[0]!.findings);
  });

  it('reports the problems of every bad log at once, and evaluates nothing after the first', async () => {
    const fs = files(GROUP + 10, { [GROUP + 2]: 'duplicate-id.json', [GROUP + 8]: 'date-zero.json' });
    const results: CheckResult[] = [];
    const e = await checkFiles(fs, checker, { asOf: DEMO_AS_OF }, (r) => results.push(r)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    const problems = (e as InputError).problems;
    expect([...new Set(problems.map((p) => p.file))]).toEqual([fs[GROUP + 2], fs[GROUP + 8]]);
    expect(problems.find((p) => p.file === fs[GROUP + 2])!.message).toContain('重复');
    // The first group was evaluated before the bad log was read; nothing from its own group on.
    expect(results.map((r) => r.file)).toEqual(fs.slice(0, GROUP));
  });

  it('refuses an impossible --as-of before reading any file', async () => {
    const e = await checkFiles([join(dir, 'missing.json')], checker, { asOf: '2023-02-29' }, () => undefined).catch((x: unknown) => x);
    expect((e as InputError).problems[0]!.message).toContain('--as-of 的值 "2023-02-29" 不是真实日期');
  });
});
