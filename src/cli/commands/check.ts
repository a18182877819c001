// xuncha check <log…>: load → validate → group → evaluate → report, for each log.
import type { Command } from '../command.js';
import { parseIsoDate } from '../../calendar/dates.js';
import { UncoveredYearError } from '../../calendar/calendar.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { loadJson } from '../../load/json-file.js';
import type { CheckResult } from '../../model/finding.js';
import { InputError, type Problem } from '../../model/problem.js';
import { FORMATS } from '../../report/index.js';
import { uncoveredYear, validateLog } from '../../validate/log.js';
import { setup } from '../setup.js';

export interface CheckOptions {
  logs: string[];
  asOf: string;
  format: string;
  rules?: string;
  estimateUncovered: boolean;
  maxBytes?: number;
}

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
  const output = format(results, { rules, agencyName: (id) => rules.agencyByName.get(id)?.name ?? id });
  const violated = results.some((r) => r.summary.violation > 0);
  return { output, exitCode: violated ? 1 : 0 };
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'xuncha check <日志.json…> [--as-of YYYY-MM-DD] [--format text|json] [--rules 目录] [--estimate-uncovered] [--exit-zero] [--max-bytes N]',
  options: {
    'as-of': { type: 'string' },
    format: { type: 'string', default: 'text' },
    rules: { type: 'string' },
    'estimate-uncovered': { type: 'boolean', default: false },
    'exit-zero': { type: 'boolean', default: false },
    'max-bytes': { type: 'string' },
  },
  jsonErrors: (v) => v['format'] === 'json',
  async run(values, positionals) {
    if (positionals.length === 0) throw new InputError([{ file: 'xuncha check', pointer: '', message: '请给出至少一个案卷日志文件（JSON）。' }]);
    const raw = values['max-bytes'] as string | undefined;
    const maxBytes = raw === undefined ? undefined : Number(raw);
    if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
      throw new InputError([{ file: '--max-bytes', pointer: '', message: `--max-bytes 应为正整数（字节数），实际为 "${raw}"。` }]);
    }
    const r = await check({
      logs: positionals,
      asOf: (values['as-of'] as string | undefined) ?? today(),
      format: values['format'] as string,
      ...(values['rules'] ? { rules: values['rules'] as string } : {}),
      estimateUncovered: values['estimate-uncovered'] === true,
      ...(maxBytes ? { maxBytes } : {}),
    });
    return values['exit-zero'] ? { ...r, exitCode: 0 } : r;
  },
};

/** Today in the machine's local time zone: the clerk's today. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
