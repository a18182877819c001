// The output formats of `xuncha check`. Every formatter takes the same CheckResult list and the
// rules (for article texts and names); a new format is a new file plus one line here.
import type { CheckResult } from '../model/finding.js';
import type { Rules } from '../model/rules.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMd } from './md.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export interface ReportContext {
  rules: Rules;
  agencyName(id: string): string;
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
