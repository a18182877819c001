// The output formats of `xuncha check`. Every formatter takes the same CheckResult list and the
// rules (for article texts and names); a new format is a new file plus one line here.
import type { CheckResult } from '../model/finding.js';
import { agencyNameOf, type Rules } from '../model/rules.js';
import { formatHtml } from './html.js';
import { formatJson, jsonReport } from './json.js';
import { formatJunit } from './junit.js';
import { formatMd } from './md.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export interface ReportContext {
  rules: Rules;
  agencyName(id: string): string;
  /** Indent JSON output (json, sarif): for a reader at a terminal. */
  indent: boolean;
}

export type Formatter = (results: CheckResult[], ctx: ReportContext) => string;

export const FORMATS: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
  html: formatHtml,
  md: formatMd,
  sarif: formatSarif,
  junit: formatJunit,
};

/** A report built log by log: `add` each result as its log is checked, then `end` for the text. */
export interface Report {
  add(r: CheckResult): void;
  end(): string;
}

/** Formats that take what they need of each result as it comes, rather than keeping every result. */
const BY_LOG: Record<string, (indent: boolean) => Report> = { json: jsonReport };

/** The report for a format name (one of FORMATS), or undefined for an unknown one. */
export function reportFor(format: string, rules: Rules, o: { indent?: boolean } = {}): Report | undefined {
  const indent = o.indent ?? false;
  const byLog = BY_LOG[format];
  if (byLog) return byLog(indent);
  const f = FORMATS[format];
  if (!f) return undefined;
  const ctx: ReportContext = { rules, agencyName: (id) => agencyNameOf(rules, id), indent };
  const results: CheckResult[] = [];
  return { add: (r) => void results.push(r), end: () => f(results, ctx) };
}
