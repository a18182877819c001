// npm run bench [-- --json] [-- --engine] [-- --sizes county,city,province]
// For each size, in this one process: the floor (read, JSON.parse and schema-validate only), the
// full check (src/check.ts checkFiles, as `xuncha check --format json > file` runs it), their ratio, events per second,
// and peak memory. Medians of several runs after a warm-up, and the range of single-run ratios. --engine also
// times the reference path where json-rules-engine decides every condition (the "before" of the fast path).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkFiles } from '../check.js';
import { setup } from '../cli/setup.js';
import { evaluate } from '../evaluate/evaluate.js';
import { loadJson } from '../load/json-file.js';
import { readText } from '../load/text.js';
import { reportFor } from '../report/index.js';
import { formatJson } from '../report/json.js';
import { validateLog } from '../validate/log.js';
import { validatorFor } from '../validate/schema.js';

const SIZES = { county: 2_000, city: 20_000, province: 200_000 } as const;
type Size = keyof typeof SIZES;
const AS_OF = '2026-06-30';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GEN_CLI = fileURLToPath(new URL('./gen-cli.js', import.meta.url));

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    engine: { type: 'boolean', default: false },
    sizes: { type: 'string', default: 'county,city,province' },
    seed: { type: 'string', default: '20231' },
  },
});
const sizes = values.sizes!.split(',') as Size[];
const seed = Number(values.seed);
const checker = await setup(undefined);
const { rules, cal } = checker;
const validate = validatorFor('case-log.schema.json');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * `runs` timed runs of each function after one warm-up run of each (JIT, caches), with a GC before
 * each run. The runs alternate, so that a machine that slows down or speeds up during the
 * benchmark moves both figures alike and leaves their ratio alone. Returns each function's times.
 */
async function timeRuns(runs: number, ...fs: (() => Promise<void>)[]): Promise<number[][]> {
  for (const f of fs) await f();
  const all = fs.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, f] of fs.entries()) {
      (globalThis as { gc?: () => void }).gc?.();
      const t = performance.now();
      await f();
      all[k]!.push(performance.now() - t);
    }
  }
  return all;
}

async function floor(files: string[]): Promise<void> {
  for (const f of files) if (!validate(JSON.parse(readText(f)))) throw new Error(`generated log invalid: ${f}`);
}

/** What `xuncha check --format json > file` does for the files (src/cli/commands/check.ts), short of printing. */
async function full(files: string[]): Promise<void> {
  const report = reportFor('json', rules)!;
  await checkFiles(files, checker, { asOf: AS_OF }, (r) => report.add(r));
  report.end();
}

/** The reference path: json-rules-engine decides every condition. */
async function engineOnly(files: string[]): Promise<void> {
  for (const f of files) {
    const valid = validateLog(loadJson(f), { agencyByName: rules.agencyByName, events: rules.events, calendar: cal });
    formatJson([await evaluate(valid, rules, cal, AS_OF, { engineOnly: true })]);
  }
}

interface Row {
  size: Size; events: number; logs: number; runs: number;
  floorMs: number; checkMs: number; ratio: number;
  /** Lowest and highest ratio of a check to the floor run just before it: how far one run can stray. */
  ratioRange: [number, number];
  eventsPerSecond: number; peakRssMB: number;
  engineOnlyCheckMs?: number; engineOnlyRatio?: number;
}

const rows: Row[] = [];
for (const size of sizes) {
  const events = SIZES[size];
  const dir = join(tmpdir(), `xuncha-bench-${size}-${seed}`);
  rmSync(dir, { recursive: true, force: true });
  // The logs are written by `npm run gen` in a child process, as a user's files would be: generated
  // in this process, they held memory that the peak-memory figure then counted (province: 175 MB,
  // against 135 MB for the checking alone).
  const gen = spawnSync(process.execPath, [GEN_CLI, '--events', String(events), '--seed', String(seed), '--out', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (gen.status !== 0) throw new Error(`npm run gen failed for ${size} (exit ${gen.status})`);
  const files = readdirSync(dir).map((f) => join(dir, f));
  const runs = size === 'province' ? 9 : 11;
  const [fls, cks] = (await timeRuns(runs, () => floor(files), () => full(files))) as [number[], number[]];
  const fl = median(fls), ck = median(cks);
  const ratios = cks.map((c, i) => c / fls[i]!);
  const row: Row = {
    size, events, logs: files.length, runs,
    floorMs: round(fl), checkMs: round(ck), ratio: round(ck / fl, 2),
    ratioRange: [round(Math.min(...ratios), 2), round(Math.max(...ratios), 2)],
    eventsPerSecond: Math.round(events / (ck / 1000)),
    peakRssMB: round(process.resourceUsage().maxRSS / 1024),
  };
  if (values.engine) {
    const t = performance.now();
    await engineOnly(files);
    row.engineOnlyCheckMs = round(performance.now() - t);
    row.engineOnlyRatio = round(row.engineOnlyCheckMs / fl, 2);
  }
  rows.push(row);
  rmSync(dir, { recursive: true, force: true });
  if (!values.json) process.stderr.write(`${size} done\n`);
}

/** Start-up: bare node against the CLI, median of 7 spawns each. */
function spawnMs(args: string[]): number {
  const all: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    all.push(performance.now() - t);
  }
  return round(median(all));
}
const startup = {
  nodeBareMs: spawnMs(['-e', '0']),
  versionMs: spawnMs(['bin/xuncha.js', '--version']),
  smallCheckMs: spawnMs(['bin/xuncha.js', 'check', 'fixtures/bad/log/valid.json', '--as-of', '2023-12-01']),
};

function round(x: number, digits = 1): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

if (values.json) {
  process.stdout.write(JSON.stringify({ format: 'xuncha-bench/1', node: process.version, asOf: AS_OF, seed, sizes: rows, startup }, null, 2) + '\n');
} else {
  const L = ['规模        事件数   日志数  解析+校验(ms)  完整检查(ms)  比值  单次比值范围   事件/秒     峰值内存(MB)' + (values.engine ? '  仅规则引擎(ms)  比值' : '')];
  for (const r of rows) {
    L.push(`${r.size.padEnd(10)} ${String(r.events).padStart(7)} ${String(r.logs).padStart(7)} ${String(r.floorMs).padStart(14)} ${String(r.checkMs).padStart(13)} ${String(r.ratio).padStart(6)} ${`${r.ratioRange[0]}–${r.ratioRange[1]}`.padStart(13)} ${String(r.eventsPerSecond).padStart(9)} ${String(r.peakRssMB).padStart(14)}` +
      (r.engineOnlyCheckMs !== undefined ? ` ${String(r.engineOnlyCheckMs).padStart(15)} ${String(r.engineOnlyRatio).padStart(6)}` : ''));
  }
  L.push('', `启动：node -e 0 ${startup.nodeBareMs} ms；xuncha --version ${startup.versionMs} ms；检查小日志 ${startup.smallCheckMs} ms`);
  process.stdout.write(L.join('\n') + '\n');
}
