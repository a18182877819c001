// Every bad input (fixtures/bad/cases.yaml) gets exit 2, every problem at once, each with file,
// pointer and line:column, and never a stack trace; the same list comes as JSON with --format json.
// The text output comes from the real CLI in a child process, as a user runs it; the JSON output
// from the CLI's main() in process (the same code, without a node start-up per case).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spawn } from 'node:child_process';
import { ROOT } from './helpers.js';
import { runMain } from './in-process.js';

interface LogCase { file?: string; generate?: string; exit: number; expect: string[]; problems?: number; notes?: number; args?: string[] }
interface RuleCase {
  name: string; file: string; exit?: number; expect: string[]; problems?: number; known?: string;
  replace?: { from: string; to: string }; write?: string; copy?: string; generate?: string;
  /** What runs on the folder: `check` of the valid log (the default), or `lint` or `test` alone. */
  command?: 'check' | 'lint' | 'test';
}
const cases = parse(readFileSync(`${ROOT}fixtures/bad/cases.yaml`, 'utf8')) as { logs: LogCase[]; rules: RuleCase[] };

const TMP = mkdtempSync(join(tmpdir(), 'xuncha-bad-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const VALID = readFileSync(`${ROOT}fixtures/bad/log/valid.json`, 'utf8');
const valid = () => JSON.parse(VALID) as { note?: string; events: Record<string, unknown>[] };
const pretty = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

// Each case spawns node (about half a second); they run side by side, so allow for a busy machine.
const TIMEOUT = 60_000;

/** Inputs too big to commit, made at run time. */
const GENERATORS: Record<string, () => string> = {
  'long-note': () => pretty({ ...valid(), note: '备'.repeat(10_001) }),
  'huge-string': () => { const o = valid(); o.events[0]!['note'] = 'x'.repeat(20_000_000); return pretty(o); },
  'huge-key': () => { const o = valid(); o.events[0]!['键'.repeat(1_000_000)] = true; return pretty(o); },
  'many-bad-events': () => {
    const o = valid();
    o.events = Array.from({ length: 5000 }, (_, i) => ({ id: `E${i}`, type: 'round.started', date: '2023-02-30', actor: '巡察办' }));
    return JSON.stringify(o);
  },
  'nesting-100000': () => '['.repeat(100_000) + ']'.repeat(100_000),
  'nesting-100000-unclosed': () => VALID.replace('"unit": "县农业农村局"', `"unit": "县农业农村局",\n      "note": ${'['.repeat(100_000)}`),
  'yaml-nesting-100000': () => `year: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
};

function logPath(c: LogCase): string {
  if (c.file) return `fixtures/bad/${c.file}`;
  const path = join(TMP, `${c.generate}.json`);
  if (!existsSync(path)) writeFileSync(path, GENERATORS[c.generate!]!());
  return path;
}

/** A copy of rules/ with the case's one change. */
function rulesFor(c: RuleCase): string {
  const dir = mkdtempSync(join(TMP, 'rules-'));
  cpSync(`${ROOT}rules`, dir, { recursive: true });
  const path = join(dir, c.file);
  mkdirSync(dirname(path), { recursive: true });
  if (c.replace) {
    const text = readFileSync(path, 'utf8');
    expect(text, `${c.file} no longer contains the text this case edits`).toContain(c.replace.from);
    writeFileSync(path, text.replace(c.replace.from, c.replace.to));
  } else if (c.copy !== undefined) {
    writeFileSync(path, readFileSync(`${ROOT}fixtures/bad/${c.copy}`));
  } else if (c.generate !== undefined) {
    writeFileSync(path, GENERATORS[c.generate]!());
  } else {
    writeFileSync(path, c.write ?? '');
  }
  return dir;
}

/** The built CLI in a child process, as a user runs it; async, so that cases run side by side. */
function xuncha(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bin/xuncha.js`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function expectProblems(run: { code: number | null; stdout: string; stderr: string }, exit: number, fragments: string[], problems: number | undefined) {
  expect(run.code, run.stderr + run.stdout).toBe(exit);
  const out = exit === 2 ? run.stderr : run.stdout;
  for (const fragment of fragments) expect(out).toContain(fragment);
  expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  expect(run.stderr).not.toContain('内部错误');
  if (exit === 2) {
    expect(run.stdout).toBe(''); // nothing evaluated, nothing reported
    if (problems !== undefined) expect(out).toContain(`（共 ${problems} 处问题）`);
  }
}

/** --format json: the same problems, each placed, as xuncha-errors/1 on stdout. */
async function expectJsonProblems(argv: string[], problems: number | undefined, notes = 0) {
  const j = await runMain([...argv, '--format', 'json']);
  expect(j.code).toBe(2);
  expect(j.stderr).toBe('');
  const doc = JSON.parse(j.stdout) as { format: string; errors: { file: string; pointer: string; line: number | null; column: number | null; message: string }[]; notes: { file: string; message: string }[] };
  expect(doc.format).toBe('xuncha-errors/1');
  expect(doc.notes).toHaveLength(notes);
  if (problems !== undefined) expect(doc.errors).toHaveLength(problems);
  else expect(doc.errors.length).toBeGreaterThan(0);
  for (const e of doc.errors) {
    expect(e.file).toMatch(/\S/);
    expect(typeof e.pointer).toBe('string');
    expect(e.message).toMatch(/[\u4e00-\u9fff]/); // in Chinese
    if (e.pointer !== '') expect(e.line).toBeGreaterThan(0);
  }
  return doc;
}

describe.concurrent.each(cases.logs.map((c) => ({ ...c, label: [c.file ?? c.generate, ...(c.args ?? [])].join(' ') })))('log $label', (c) => {
  const argv = () => ['check', logPath(c), '--as-of', '2026-12-31', ...(c.args ?? [])];
  it(`exits ${c.exit} and names the place`, async () => {
    expectProblems(await xuncha(argv()), c.exit, c.expect, c.problems ?? 1);
  }, TIMEOUT);
  if (c.exit === 2) {
    it('gives the same problems as JSON with --format json', async () => {
      const doc = await expectJsonProblems(argv(), c.problems ?? 1, c.notes);
      if (c.file) expect(doc.errors[0]!.file).toBe(`fixtures/bad/${c.file}`);
      else expect(doc.errors[0]!.file).toMatch(new RegExp(`${c.generate}\\.json$`));
    }, TIMEOUT);
  }
});

describe('corpus size', () => {
  it('has at least 40 bad logs and 15 bad rule setups', () => {
    const badLogs = new Set(cases.logs.filter((c) => c.exit === 2).map((c) => c.file ?? c.generate));
    expect(badLogs.size).toBeGreaterThanOrEqual(40);
    expect(cases.rules.filter((c) => !c.known).length).toBeGreaterThanOrEqual(15);
  });
});

describe.concurrent.each(cases.rules)('rules: $name', (c) => {
  const run = c.known ? it.skip : it;
  const command = c.command ?? 'check';
  const argv = () => command === 'check'
    ? ['check', 'fixtures/bad/log/valid.json', '--as-of', '2026-12-31', '--rules', rulesFor(c)]
    : [command, '--rules', rulesFor(c)];
  run(`${command} exits ${c.exit ?? 2} and names the place${c.known ? ` (known gap: ${c.known})` : ''}`, async () => {
    expectProblems(await xuncha(argv()), c.exit ?? 2, c.expect, c.problems);
  }, TIMEOUT);
  // lint and test have no --format json (test's --format is junit).
  if (command === 'check') {
    run('gives the same problems as JSON with --format json', async () => {
      await expectJsonProblems(argv(), c.problems);
    }, TIMEOUT);
  }
});
