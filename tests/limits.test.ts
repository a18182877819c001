// The documented limits (README, "Limits"): file size, number of events, string length, nesting,
// problems listed. Just under a limit is checked, just over it is a clear exit 2; and a log near
// the size limit is checked inside a small heap, so memory stays bounded by the limit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkText } from '../src/check.js';
import { InputError } from '../src/model/problem.js';
import { calendar, ROOT, rules } from './helpers.js';

const TMP = mkdtempSync(join(tmpdir(), 'xuncha-limits-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const VALID = JSON.parse(readFileSync(`${ROOT}fixtures/bad/log/valid.json`, 'utf8')) as { events: Record<string, unknown>[]; note?: string };

/** The CLI in a child process with a capped V8 heap: running out of it is a crash, not a slow test. */
function xunchaIn(heapMb: number, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, `${ROOT}bin/xuncha.js`, ...args], { cwd: ROOT, encoding: 'utf8', input: input ?? '', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A valid log of exactly `bytes` bytes: the valid fixture's matters repeated, then a note to fill up. */
function logOfSize(bytes: number): string {
  const events: Record<string, unknown>[] = [];
  const log = { ...VALID, events, note: '' };
  let size = Buffer.byteLength(JSON.stringify(log));
  for (let i = 0; size < bytes - 2000; i++) {
    for (const e of VALID.events) {
      const copy = { ...e, id: `${String(e['id'])}-${i}`, ...(e['ref'] ? { ref: `${String(e['ref'])}-${i}` } : {}) };
      events.push(copy);
      size += Buffer.byteLength(JSON.stringify(copy)) + 1;
    }
  }
  log.note = 'x'.repeat(bytes - Buffer.byteLength(JSON.stringify(log)));
  const text = JSON.stringify(log);
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

describe('file size (--max-bytes, default 100 MB)', () => {
  const LIMIT = 2_000_000;
  const HEAP_MB = 96; // the checker's own start-up takes ~30 MB of it
  it(`a log of exactly the limit (${LIMIT} bytes, ~9,000 events) is checked within a ${HEAP_MB} MB heap`, () => {
    const path = join(TMP, 'at-limit.json');
    writeFileSync(path, logOfSize(LIMIT));
    const r = xunchaIn(HEAP_MB, ['check', path, '--as-of', '2023-12-31', '--max-bytes', String(LIMIT), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout).format).toBe('xuncha-findings/1');
  }, 60_000);
  it('one byte more is exit 2, naming the size and the limit', () => {
    const path = join(TMP, 'over-limit.json');
    writeFileSync(path, logOfSize(LIMIT + 1));
    const r = xunchaIn(HEAP_MB, ['check', path, '--as-of', '2023-12-31', '--max-bytes', String(LIMIT)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`文件大小 ${LIMIT + 1} 字节，超过上限 ${LIMIT} 字节（约 1.9 MB；可用 --max-bytes 调整）`);
  }, 60_000);
  it('a 101 MB file is refused by its size, without reading it (small heap)', () => {
    const path = join(TMP, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, 101 * 1024 * 1024); // sparse: costs no disk
    const r = xunchaIn(64, ['check', path, '--as-of', '2023-12-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('超过上限 104857600 字节（约 100.0 MB');
  }, 60_000);
  it('a device or a pipe, which has no size, is read only up to the limit', () => {
    const r = xunchaIn(64, ['check', '/dev/zero', '--as-of', '2023-12-31', '--max-bytes', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('文件大小超过上限 1000 字节');
  });
  it('--max-bytes and --max-events must be positive integers', () => {
    for (const [flag, value] of [['--max-bytes', '0'], ['--max-bytes', '1e3'], ['--max-events', '-5'], ['--max-events', 'many']] as const) {
      const r = xunchaIn(64, ['check', 'fixtures/bad/log/valid.json', `${flag}=${value}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${flag} 应为正整数`);
    }
  });
});

describe('in process: events, string length', () => {
  const checker = { rules, cal: calendar };
  const check = (log: unknown, maxEvents?: number) => checkText('limits.json', JSON.stringify(log), checker, { asOf: '2023-12-31', ...(maxEvents ? { maxEvents } : {}) });
  const problems = async (log: unknown, maxEvents?: number) => {
    try { await check(log, maxEvents); return []; } catch (e) { if (e instanceof InputError) return e.problems.map((p) => `${p.pointer} ${p.message}`); throw e; }
  };

  it('--max-events: exactly the limit is checked, one more is refused before any other check', async () => {
    expect(await problems(VALID, 4)).toEqual([]);
    expect(await problems({ ...VALID, format: 'wrong' }, 3)).toEqual(['/events 事件有 4 个，超过上限 3 个（可用 --max-events 调整）；请确认文件是一轮巡察的日志。']);
  });
  it('names and refs up to 200 characters, notes up to 10,000', async () => {
    const at = (ref: number, note: number) => ({ ...VALID, note: '注'.repeat(note), events: VALID.events.map((e) => (e['ref'] ? { ...e, ref: '号'.repeat(ref) } : e)) });
    expect(await problems(at(200, 10_000))).toEqual([]);
    const over = await problems(at(201, 10_001));
    expect(over[0]).toContain('/note 的值长 10001 个字符，超过上限 10000 个字符');
    expect(over[1]).toContain('/events/1/ref 的值长 201 个字符，超过上限 200 个字符');
  });
});
