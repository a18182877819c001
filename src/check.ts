// Checking case logs in process: text → parse → validate → evaluate, the pipeline `xuncha check`
// runs for each file and the fuzz tests drive directly. Anything wrong with the input comes out
// as an InputError (exit 2) with every problem placed; nothing else is thrown on purpose.
import { UncoveredYearError, type WorkCalendar } from './calendar/calendar.js';
import { dayOf, daysInMonth, isoFrom, parseIsoDate, readLooseDate } from './calendar/dates.js';
import { evaluate } from './evaluate/evaluate.js';
import { parseJson, type JsonFile } from './load/json-file.js';
import { readInput, type TextInput } from './load/text.js';
import type { CheckResult } from './model/finding.js';
import type { ValidLog } from './model/log.js';
import { InputError, type Problem } from './model/problem.js';
import type { Rules } from './model/rules.js';
import { uncoveredYear, validateLog } from './validate/log.js';
import { dateHint } from './validate/schema.js';

export interface Checker { rules: Rules; cal: WorkCalendar }

export interface CheckTextOptions {
  asOf: string;
  maxEvents?: number;
}

/** The one example of an as-of date, for a value that has none of its own: the demo round's (README, npm start). */
export const AS_OF_EXAMPLE = '2023-11-20';

/** The as-of date must be real, written YYYY-MM-DD, and, unless estimating, in a year the calendar
 *  covers. A real date written another way (2027-1-15, 2027/01/15, 20270115, or with a time) is told
 *  apart from an impossible one (2026-02-30): the first needs only its form changed, and is shown
 *  in that form; only a value with no date in it gets the example. */
export function checkAsOf(asOf: string, cal: WorkCalendar): void {
  const fail = (message: string): never => { throw new InputError([{ file: '--as-of', pointer: '', message: `--as-of 的值 "${asOf}" ${message}` }]); };
  if (parseIsoDate(asOf) === null) {
    const m = readLooseDate(asOf);
    if (!m) return fail(`不是日期；应写作 YYYY-MM-DD，例如 ${AS_OF_EXAMPLE}。`);
    const { y, m: mo, d } = m;
    if (mo < 1 || mo > 12) return fail(`不是真实日期：没有 ${mo} 月。`);
    if (d < 1) return fail('不是真实日期：没有 0 日。');
    if (d > daysInMonth(y, mo)) return fail(`不是真实日期：${y} 年 ${mo} 月只有 ${daysInMonth(y, mo)} 天。`);
    // Said as a log's date with a time is (validate/schema.ts).
    if (m.rest) return fail(`不是日期格式；应为 YYYY-MM-DD（不带时间）${dateHint(asOf)}`);
    return fail(`写法不对：应写作 YYYY-MM-DD，例如 ${isoFrom(y, mo, d)}。`);
  }
  const year = Number(asOf.slice(0, 4));
  if (!cal.covers(year) && !cal.estimateUncovered) {
    throw new InputError([{ file: '--as-of', pointer: '', message: `检查基准日 ${asOf}：${uncoveredYear(year, cal)}` }]);
  }
}

/** Parse and validate one log's text; `file` names it in messages. */
export function validateText(file: string, text: string | TextInput, checker: Checker, maxEvents?: number, asOf?: string): ValidLog {
  return validateParsed(parseJson(file, text), checker, maxEvents, asOf);
}

function validateParsed(json: JsonFile, { rules, cal }: Checker, maxEvents?: number, asOf?: string): ValidLog {
  return validateLog(json, {
    agencyByName: rules.agencyByName, events: rules.events, calendar: cal,
    ...(maxEvents === undefined ? {} : { maxEvents }),
    ...(asOf === undefined ? {} : { asOf: dayOf(asOf) }),
  });
}

/** Evaluate a valid log. A period that runs into a year without calendar data is an input error too. */
export async function evaluateValid(valid: ValidLog, { rules, cal }: Checker, asOf: string): Promise<CheckResult> {
  try {
    return await evaluate(valid, rules, cal, asOf);
  } catch (e) {
    if (!(e instanceof UncoveredYearError)) throw e;
    const i = e.event === undefined ? undefined : valid.indexOf.get(e.event);
    const pointer = i === undefined ? '' : `/events/${i}/date`;
    throw new InputError([{
      file: valid.file, pointer, ...(pointer ? valid.locate(pointer) : {}), ...(e.event === undefined ? {} : { event: e.event }),
      message: `事件 ${e.event ?? ''} 引起的义务${e.duty ? `（${e.duty.article} ${e.duty.title}）` : ''}的期限要算到 ${e.year} 年：${uncoveredYear(e.year, cal)}`,
    }]);
  }
}

/** Check one log given as text. */
export async function checkText(file: string, text: string, checker: Checker, o: CheckTextOptions): Promise<CheckResult> {
  checkAsOf(o.asOf, checker.cal);
  return evaluateValid(validateText(file, text, checker, o.maxEvents, o.asOf), checker, o.asOf);
}

export interface CheckFilesOptions {
  asOf: string;
  maxBytes?: number;
  maxEvents?: number;
}

/**
 * How many logs go through each stage together. Stage by stage over a group (read and parse
 * them, validate them, evaluate them), each stage's code and data stay in the CPU caches from one
 * log to the next: at province scale this was about 10% faster than one log at a time through
 * all stages, and holding every parsed log before evaluating any was 15% slower. A group of logs
 * is a few megabytes.
 */
export const GROUP = 16;

/**
 * Check log files: every file is read and validated, so that all input problems come out at once
 * (as one InputError, and nothing else); while none has failed, each group of valid logs is
 * evaluated and handed to `onResult`, in the order of `files`.
 */
export async function checkFiles(
  files: readonly string[], checker: Checker, o: CheckFilesOptions, onResult: (r: CheckResult) => void,
): Promise<void> {
  checkAsOf(o.asOf, checker.cal);
  const problems: Problem[] = [];
  /** Keeps an input problem for the final report; anything else is a bug and goes on up. */
  const collect = (e: unknown): undefined => {
    if (!(e instanceof InputError)) throw e;
    problems.push(...e.problems);
    return undefined;
  };
  /** f(x), or nothing when x is missing (an earlier stage failed) or f finds a problem with it. */
  const stage = <A, B>(x: A | undefined, f: (x: A) => B): B | undefined => {
    if (x === undefined) return undefined;
    try {
      return f(x);
    } catch (e) {
      return collect(e);
    }
  };
  for (let i = 0; i < files.length; i += GROUP) {
    const group = files.slice(i, i + GROUP);
    // Each text is parsed as soon as it is read and not kept: held to the end of the stage (or
    // of the group), the texts were copied by every young-generation GC in between.
    const valid = group.map((file) => stage(file, (f) => parseJson(f, readInput(f, o.maxBytes))))
      .map((json) => stage(json, (j) => validateParsed(j, checker, o.maxEvents, o.asOf)));
    // After a failed log nothing more is evaluated; the rest are still validated, for their problems.
    for (let k = 0; k < valid.length; k++) {
      if (problems.length) break;
      // Each log is let go as its evaluation starts, so that the group's live data shrink as it is
      // evaluated: every young-generation GC in between copies what is still held.
      const v = valid[k];
      valid[k] = undefined;
      if (!v) continue;
      try {
        onResult(await evaluateValid(v, checker, o.asOf)); // its input error: a period into a year without calendar data
      } catch (e) {
        collect(e);
      }
    }
  }
  if (problems.length) throw new InputError(problems);
}
