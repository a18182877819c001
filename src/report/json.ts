// --format json: xuncha-findings/1 (spec/case-log.md), one object per log.
import { relative } from 'node:path';
import type { CheckResult } from '../model/finding.js';

export function findingsJson(r: CheckResult) {
  return {
    format: 'xuncha-findings/1' as const,
    asOf: r.asOf,
    log: { round: r.round.id, name: r.round.name, file: relative(process.cwd(), r.file), sha256: r.logSha256 },
    ruleset: r.ruleset,
    calendar: r.calendar,
    summary: r.summary,
    findings: r.findings,
    notJudged: r.notJudged,
  };
}

/**
 * The JSON report built log by log: each log's document is written as its result comes, and only
 * the text is kept. (Keeping every result until the end, as the other formats do, made a province
 * check 15% slower, from the GC work of holding them all.) The text is the same as
 * JSON.stringify of the whole document: one log's document alone, or the set of them.
 */
export function jsonReport(): { add(r: CheckResult): void; end(): string } {
  let count = 0;
  let docs: FindingsJson[] = [];
  const parts: string[] = [];
  const total = { violation: 0, advisory: 0, pending: 0 };
  const flush = () => {
    if (docs.length) parts.push(inSet(docs));
    docs = [];
  };
  return {
    add(r) {
      count++;
      docs.push(findingsJson(r));
      if (docs.length === BATCH) flush();
      for (const k of ['violation', 'advisory', 'pending'] as const) total[k] += r.summary[k];
    },
    end() {
      if (count === 1) return JSON.stringify(docs[0], null, 2) + '\n'; // a lone log's document stands alone
      flush();
      const set = JSON.stringify({ format: 'xuncha-findings-set/1', summary: total, reports: [] }, null, 2);
      if (!parts.length) return set + '\n';
      return `${set.slice(0, -EMPTY_REPORTS.length)}${SET_OPEN}${parts.join(`,\n${INDENT}`)}${SET_CLOSE}\n`;
    },
  };
}

type FindingsJson = ReturnType<typeof findingsJson>;

/**
 * Documents written together. Their text (about 350 KB at province size) is then above V8's
 * large-object size and is allocated outside the young generation: the text of one log's document
 * was copied by every scavenge while it waited for the end (measured 20 ms of a province check).
 */
const BATCH = 16;

// Documents as they stand in the set, two levels deep: written inside a "reports" array, so that
// JSON.stringify indents them, and cut out of it (re-indenting the text afterwards cost more than
// the stringify itself).
const INDENT = '    ';
const SET_OPEN = `[\n${INDENT}`;
const SET_CLOSE = '\n  ]\n}';
const EMPTY_REPORTS = '[]\n}';
const WRAP_OPEN = `{\n  "reports": ${SET_OPEN}`;
function inSet(docs: FindingsJson[]): string {
  return JSON.stringify({ reports: docs }, null, 2).slice(WRAP_OPEN.length, -SET_CLOSE.length);
}

export function formatJson(results: CheckResult[]): string {
  const report = jsonReport();
  for (const r of results) report.add(r);
  return report.end();
}
