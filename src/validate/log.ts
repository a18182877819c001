// A case log's meaning, after its schema: unique ids, known event types and their required
// fields, agencies and units that resolve, real dates inside calendar coverage. Every problem
// is collected, so the clerk fixes the whole file in one go; nothing is evaluated from a log
// that has any.
import type { WorkCalendar } from '../calendar/calendar.js';
import { isoYear, parseIsoDate } from '../calendar/dates.js';
import type { JsonFile } from '../load/json-file.js';
import type { CaseLog, DatedEvent, ValidLog } from '../model/log.js';
import { InputError, nameEvents, type Problem } from '../model/problem.js';
import { distinctAgencies, type Agency, type EventType } from '../model/rules.js';
import { show } from '../model/show.js';
import { closest } from '../model/spelling.js';
import { EVENT_TYPE_FORM_ZH, schemaProblems, validatorFor } from './schema.js';

export interface LogContext {
  agencyByName: Map<string, Agency>;
  events: Map<string, EventType>;
  calendar: WorkCalendar;
  /** Most events a log may have (default DEFAULT_MAX_EVENTS). */
  maxEvents?: number;
  /** The as-of date (day number), when known: an event after it in the year after the calendar's
   *  last needs no calendar data, since the check leaves it out (a year further on is likely a typo). */
  asOf?: number;
}

/** Default limit on the number of events: far above a county round, low enough to bound the work. */
export const DEFAULT_MAX_EVENTS = 1_000_000;
/** Problems listed per log at most: past this the clerk has the wrong file, not a thousand typos. */
export const MAX_PROBLEMS = 1000;

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A parsed log; `name` says a pointer as messages show it (default: as it is). */
export type LogInput = JsonFile & { name?: (pointer: string) => string };

export function validateLog(input: LogInput, ctx: LogContext): ValidLog {
  const { file, data, locate } = input;
  const name = input.name ?? ((p: string) => p);
  const problems: Problem[] = [];
  const add = (pointer: string, message: string) => problems.push({ file, pointer, ...locate(pointer), message });
  const maxEvents = ctx.maxEvents ?? DEFAULT_MAX_EVENTS;
  const rawEvents = isObj(data) && Array.isArray(data['events']) ? data['events'] : null;
  if (rawEvents && rawEvents.length > maxEvents) {
    add('/events', `事件有 ${rawEvents.length} 个，超过上限 ${maxEvents} 个（可用 --max-events 调整）；请确认文件是一轮巡察的日志。`);
    throw new InputError(problems);
  }
  // A log is first validated whole, in one call (measured 3–5% faster at province scale than the
  // head and then each event through the event validator). Only a log with schema problems goes
  // part by part: the head first, then event by event below, so that the work and the list stop
  // at MAX_PROBLEMS however many events are wrong.
  const logSchema = validatorFor('case-log.schema.json');
  const schemaValid: boolean = logSchema(data);
  if (!schemaValid) {
    problems.push(...schemaProblems(logSchema, rawEvents && isObj(data) ? { ...data, events: [] } : data, file, locate, '', name));
  }
  const eventSchema = validatorFor('case-log.schema.json#/definitions/event');

  if (!isObj(data)) throw new InputError(problems);
  const round = isObj(data['round']) ? data['round'] : {};
  const units = Array.isArray(round['units']) ? round['units'].filter((u): u is string => typeof u === 'string') : null;
  const unitSet = units ? new Set(units) : null;
  const events = Array.isArray(data['events']) ? data['events'] : [];
  const firstAt = new Map<string, number>();
  let lastRef = '';
  let refsOdd = false;
  const out: DatedEvent[] = [];
  const uncovered = new Map<number, string>(); // year → first pointer, one message per year
  let unknownParty = false; // a party name that resolves to nothing: the known ones are listed once
  let lastCovered = NaN; // the last year found covered: most events share a year or two
  const notYet = ctx.asOf ?? Infinity; // events after this day are left out of the check

  for (let i = 0; i < events.length && problems.length < MAX_PROBLEMS; i++) {
    const raw: unknown = events[i];
    // A type written but refused by the schema's pattern (Inquiry.Sent) is unknown too: said once, below,
    // where the catalogue can name the type it likely means. An empty one is left to the schema, which
    // says it as it says any empty field.
    const typeName = isObj(raw) && typeof raw['type'] === 'string' && raw['type'] !== '' ? raw['type'] : undefined;
    let typeMalformed = false;
    if (!schemaValid && !eventSchema(raw)) {
      for (const q of schemaProblems(eventSchema, raw, file, locate, at(i), name)) {
        if (typeName !== undefined && q.pointer === at(i, '/type')) typeMalformed = true;
        else problems.push(q);
      }
    }
    if (!isObj(raw)) continue; // the schema already said what is wrong
    const e = raw;
    const id = e['id'];
    if (typeof id === 'string') {
      const prev = firstAt.get(id);
      if (prev !== undefined) add(at(i, '/id'), `事件 id ${show(id)} 重复（首次出现在 ${name(at(prev))}）；id 在一个日志内必须唯一。`);
      else firstAt.set(id, i);
    }
    // A ref written two ways needs one of them in a form other than the usual (舞巡函(2023)7号 for
    // 舞巡函〔2023〕7号): such a ref is rare, and only a log with one is compared ref by ref, below.
    // Events of a matter are often recorded together, so a ref is often the one just looked at.
    const ref = e['ref'];
    if (typeof ref === 'string' && ref !== lastRef) {
      lastRef = ref;
      if (!refsOdd && unusualRef(ref)) refsOdd = true;
    }
    const type = typeName !== undefined ? ctx.events.get(typeName) : undefined;
    if (typeName !== undefined && !type) add(at(i, '/type'), unknownType(typeName, ctx.events, typeMalformed));
    if (type) {
      for (const field of type.required) {
        const v = e[field];
        if (v === undefined) add(at(i), `${type.type}（${type.label}）事件须有字段 "${field}"。`);
        // A required list written empty (persons: []) would count as nobody.
        else if (Array.isArray(v) && v.length === 0) {
          add(at(i, `/${field}`), `${type.type}（${type.label}）事件须有字段 "${field}"，且至少写一项；此处是空列表 []，会被当作一项也没有。`);
        }
      }
    }
    // The party fields (PARTY_FIELDS in model/log.ts), spelled out: this loop runs once per event.
    const actor = typeof e['actor'] === 'string' ? resolveParty(e['actor'], i, '/actor') : undefined;
    const to = typeof e['to'] === 'string' ? resolveParty(e['to'], i, '/to') : undefined;
    const pool = typeof e['talentPool'] === 'string' ? resolveParty(e['talentPool'], i, '/talentPool') : undefined;
    if (typeof e['unit'] === 'string' && unitSet && !unitSet.has(e['unit'])) {
      add(at(i, '/unit'), `被巡察单位 ${show(e['unit'])} 不在 round.units 中；本轮被巡察单位：${units!.join('、')}。`);
    }
    let day: number | null = null;
    const date = e['date'];
    if (typeof date === 'string') {
      day = parseIsoDate(date);
      const year = day === null ? 0 : isoYear(date); // from the digits: no civil date built per event
      if (day !== null && year !== lastCovered) {
        if (ctx.calendar.covers(year)) lastCovered = year;
        else if (!ctx.calendar.estimateUncovered && !uncovered.has(year) && !(day > notYet && year === ctx.calendar.covered[1] + 1)) {
          uncovered.set(year, at(i, '/date'));
          add(at(i, '/date'), uncoveredYear(year, ctx.calendar));
        }
      }
    }
    if (actor !== undefined && day !== null) {
      // The parsed object is ours: names are made canonical, and the day set, in place rather than
      // copied (a copy per event was a visible share of the time at province scale).
      const ev = e as unknown as DatedEvent;
      ev.actor = actor;
      if (type) ev.type = type.type; // the catalogue's string: lookups by type then meet the same string
      if (to !== undefined) ev.to = to;
      if (pool !== undefined) ev.talentPool = pool;
      ev.day = day;
      out.push(ev);
    }
  }

  if (refsOdd) {
    for (const { i, ref, first } of refsWrittenTwoWays(events)) {
      add(at(i, '/ref'), `文号 ${show(ref)} 与 ${name(at(first.i, '/ref'))} 的 ${show(first.ref)} 只差括号、空格或全角数字的写法，会被当作两件不同的事项；同一事项的 ref 须写得完全一样（发文字号的年份一般用六角括号，如 ${show(refKey(ref))}）。`);
    }
  }
  if (problems.length > MAX_PROBLEMS) problems.length = MAX_PROBLEMS;
  const cut = problems.length === MAX_PROBLEMS;
  // The names an unknown party could have been: said once, after the log's problems, however many
  // parties are unknown (each problem says only its own name, and the one it likely means).
  if (unknownParty) problems.push({ file, pointer: '', note: true, message: knownPartiesZh(ctx.agencyByName, units) });
  if (cut) {
    problems.push({ file, pointer: '', note: true, message: `问题太多，只列出前 ${MAX_PROBLEMS} 处，其余未检查；请确认这是案卷日志文件，改正以上问题后再检查。` });
  }
  if (problems.length) throw new InputError(nameEvents(problems, data));
  // With no problems every event was kept in place, so the ids' first places are their places.
  const indexOf = out.length === events.length ? firstAt : new Map(out.map((e, i) => [e.id, i]));
  const log = { ...(data as unknown as CaseLog), events: out };
  return { file, sha256: input.sha256, log, indexOf, locate };

  function resolveParty(name: string, i: number, field: string): string | undefined {
    const agency = ctx.agencyByName.get(name);
    if (agency) return agency.id;
    if (unitSet?.has(name)) return name;
    unknownParty = true;
    // Two edits are half of a four-character name (县环保局 is not 县审计局): short names get one.
    const guess = closest(name, [...ctx.agencyByName.keys(), ...(units ?? [])], name.length < 6 ? 1 : 2);
    add(at(i, field), `无法识别的单位 ${show(name)}：既不是已知单位或其别称，也不在 round.units 中${guess ? `；是否应为 "${guess}"？` : '。'}已知单位列在本日志的问题之后。`);
    return undefined;
  }
}

/** Every agency (by its full name and id) and inspected unit a party may name. */
function knownPartiesZh(agencyByName: Map<string, Agency>, units: readonly string[] | null): string {
  const known = distinctAgencies(agencyByName).map((a) => `${a.name}（${a.id}）`);
  const inspected = units?.length ? `本轮被巡察单位（round.units）：${units.join('、')}。` : '本日志没有列出被巡察单位（round.units）。';
  return `本日志有无法识别的单位。已知单位（也可写其别称，见 rules/agencies.yaml）：${known.join('、')}。${inspected}`;
}

/**
 * A letter or clue number (ref) as it is meant, whatever the keyboard typed: brackets of any kind
 * as 〔〕, full-width digits as ASCII, no spaces. 舞巡函(2023)7号 and 舞巡函〔2023〕7号 are one letter,
 * but events are tied to their matter by ref as written, so the two would be two matters: a false
 * 逾期未办 for the one and an unanswered letter for the other.
 */
export function refKey(ref: string): string {
  return unusualRef(ref) ? ref.replace(UNUSUAL, (c) => CANONICAL[c] ?? (c >= '０' && c <= '９' ? String(c.charCodeAt(0) - 0xff10) : '')) : ref;
}
const UNUSUAL = /[()（）[\]【】［］\s０-９]/g;
const CANONICAL: Record<string, string> = { '(': '〔', '（': '〔', '[': '〔', '【': '〔', '［': '〔', ')': '〕', '）': '〕', ']': '〕', '】': '〕', '］': '〕' };

/** Has the ref a character refKey changes? A loop over char codes: this runs once per event, and a
 *  regular expression took three times as long (measured on the bench's 172,774 refs: 26 ms against 9). */
function unusualRef(ref: string): boolean {
  for (let k = 0; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 0x80 ? c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c <= 0x20
      : c === 0x3000 || c === 0x3010 || c === 0x3011 || c === 0xff08 || c === 0xff09 || c === 0xff3b || c === 0xff3d || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

/** Events whose ref means an earlier event's ref but is written differently, with that earlier one
 *  (the first written in each form). Spaces around a ref are the schema's to report. */
function refsWrittenTwoWays(events: readonly unknown[]): { i: number; ref: string; first: { i: number; ref: string } }[] {
  const first = new Map<string, { i: number; ref: string }>();
  const out: { i: number; ref: string; first: { i: number; ref: string } }[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const ref = isObj(e) ? e['ref'] : undefined;
    if (typeof ref !== 'string' || ref.trim() !== ref) continue;
    const key = refKey(ref);
    const seen = first.get(key);
    if (!seen) first.set(key, { i, ref });
    else if (seen.ref !== ref) out.push({ i, ref, first: seen });
  }
  return out;
}

/** The pointer of an event or one of its fields; built only for problems, which most events have none of. */
function at(i: number, field = ''): string {
  return `/events/${i}${field}`;
}

/**
 * An event type not in the catalogue, with the type it likely means: the catalogue's type close to
 * it (or, for one not even written as a type, such as Inquiry.Sent or inquiry。sent, that its
 * lower-cased, ASCII-punctuated form is, or is close to). A malformed one is also told how types are written.
 * A rule's start, act ... event is said the same way (validate/rules.ts).
 */
export function unknownType(type: string, events: Map<string, EventType>, malformed: boolean): string {
  const plain = malformed ? type.trim().toLowerCase().replace(/[。．]/g, '.').replace(/[\s_]+/g, '-') : type;
  // A slip in a well-formed type (inquiry.snet) is guessed as one in a malformed type is.
  const guess = events.has(plain) ? plain : closest(plain, [...events.keys()]);
  const kind = plain.split('.')[0];
  const same = [...events.keys()].filter((t) => t.startsWith(`${kind}.`));
  const hint = same.length
    ? `同类已有：${same.join('、')}`
    : `已有类别：${[...new Set([...events.keys()].map((t) => t.split('.')[0]))].join('、')}`;
  if (!malformed) return `未知事件类型 ${show(type)}，不在事件目录 rules/events.yaml 中；${guess ? `是否应为 "${guess}"？` : ''}${hint}。`;
  return `事件类型 ${show(type)} 写法不对：${EVENT_TYPE_FORM_ZH}；${guess ? `是否应为 "${guess}"？` : `事件目录 rules/events.yaml 中${hint}。`}`;
}

export function uncoveredYear(year: number, cal: WorkCalendar): string {
  const [a, b] = cal.covered;
  // A year far outside the data is much more likely a typo than a year waiting for its notice.
  const typo = year < a ? `，且早于 ${a} 年：请先核对日期是否写错；如无误，` : year > b + 1 ? `，且远在 ${b} 年之后：请先核对日期是否写错（年份多打或打错）；如无误，` : '。';
  const notice = `依国务院办公厅关于${year}年部分节假日安排的通知，coverage: complete`;
  if (cal.statutoryYears.includes(year)) {
    return `日期所在年份 ${year} 还没有国务院放假安排（现有 ${cal.yearsZh} 年；rules/calendar/${year}.yaml 只列法定节日，coverage: statutory）${typo}通知公布后请把该文件补全（${notice}），在此之前可使用 --estimate-uncovered（${cal.estimateZh([year])}）。`;
  }
  return `日期所在年份 ${year} 没有工作日历数据（现有 ${cal.yearsZh} 年）${typo}请在 rules/calendar/ 中添加 ${year}.yaml（${notice}），或使用 --estimate-uncovered（${cal.estimateZh([year])}）。`;
}
