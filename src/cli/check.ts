// xuncha check <log…>: load → validate → group → evaluate → report, for each log.
import { parseIsoDate } from '../calendar/dates.js';
import { UncoveredYearError } from '../calendar/calendar.js';
import { evaluate } from '../evaluate/evaluate.js';
import { loadJson } from '../load/json-file.js';
import type { CheckResult } from '../model/finding.js';
import { InputError, type Problem } from '../model/problem.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import { uncoveredYear, validateLog } from '../validate/log.js';
import { setup } from './setup.js';

export interface CheckOptions {
  logs: string[];
  asOf: string;
  format: string;
  rules?: string;
  estimateUncovered: boolean;
  maxBytes?: number;
}

export const FORMATS: Record<string, (results: CheckResult[], ctx: { agencyName(id: string): string }) => string> = {
  text: formatText,
  json: formatJson,
};

export async function check(o: CheckOptions): Promise<{ output: string; exitCode: number }> {
  if (parseIsoDate(o.asOf) === null) {
    throw new InputError([{ file: '--as-of', pointer: '', message: `--as-of 的值 "${o.asOf}" 不是真实日期；应为 YYYY-MM-DD。` }]);
  }
  const format = FORMATS[o.format];
  if (!format) throw new InputError([{ file: '--format', pointer: '', message: `不支持的格式 "${o.format}"；可用：${Object.keys(FORMATS).join('、')}。` }]);
  const { rules, cal } = setup(o.rules, o.estimateUncovered);
  const asOfYear = Number(o.asOf.slice(0, 4));
  if (!cal.covers(asOfYear) && !o.estimateUncovered) {
    throw new InputError([{ file: '--as-of', pointer: '', message: `检查基准日 ${o.asOf}：${uncoveredYear(asOfYear, cal)}` }]);
  }
  // Validate every log before evaluating any, so that all input problems come out together.
  const problems: Problem[] = [];
  const valid = o.logs.map((file) => {
    try {
      return validateLog(loadJson(file, o.maxBytes), { agencyByName: rules.agencyByName, events: rules.events, calendar: cal });
    } catch (e) {
      if (e instanceof InputError) { problems.push(...e.problems); return null; }
      throw e;
    }
  });
  if (problems.length) throw new InputError(problems);
  const results: CheckResult[] = [];
  for (const v of valid) {
    try {
      results.push(await evaluate(v!, rules, cal, o.asOf));
    } catch (e) {
      if (e instanceof UncoveredYearError) {
        const i = e.event === undefined ? undefined : v!.indexOf.get(e.event);
        const pointer = i === undefined ? '' : `/events/${i}/date`;
        throw new InputError([{
          file: v!.file, pointer, ...(pointer ? v!.locate(pointer) : {}),
          message: `事件 ${e.event ?? ''} 引起的义务 ${e.duty ?? ''} 的期限要算到 ${e.year} 年：${uncoveredYear(e.year, cal)}`,
        }]);
      }
      throw e;
    }
  }
  const output = format(results, { agencyName: (id) => rules.agencyByName.get(id)?.name ?? id });
  const violated = results.some((r) => r.summary.violation > 0);
  return { output, exitCode: violated ? 1 : 0 };
}
