// From rule files to a resolved Ruleset: schema check of every file, then meaning checks
// (known events, agencies, patterns, parameters; verbatim text; unique ids), then patterns
// expanded and parameters substituted. Every problem names its file and line:column.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildCalendar, PACKAGE_YEARS, type OverrideFile } from '../calendar/calendar.js';
import type { Period } from '../calendar/periods.js';
import type { Position } from '../load/positions.js';
import { sourceArticles } from '../load/source-articles.js';
import type { RawRules, RawRuleset } from '../load/rules.js';
import type { YamlFile } from '../load/yaml-file.js';
import { walkCondition, type Leaf } from '../model/condition.js';
import { PARTY_FIELDS, type ValidLog } from '../model/log.js';
import { baseOperator, operators, PRESENT } from '../model/operators.js';
import { InputError, type Problem } from '../model/problem.js';
import { closest } from '../model/spelling.js';
import { CONSISTENCY_ARTICLE, distinctAgencies, type Agency, type Article, type CheckKind, type Condition, type Duty, type EventType, type Example, type Link, type Parameter, type Rules, type Ruleset, type Selector } from '../model/rules.js';
import { unknownType, validateLog, type LogContext } from './log.js';
import { expectedZh, schemaProblems, validatorFor } from './schema.js';
import { clip, notVerbatim, quoteNotVerbatim } from './verbatim.js';

/** Fields of an event that conditions may name (json-rules-engine facts). */
export const EVENT_FACTS = new Set([
  'id', 'type', 'date', 'actor', 'to', 'ref', 'unit', 'persons', 'approved', 'classified', 'written',
  'closed', 'fromTalentPool', 'talentPool', 'inPerson', 'matters', 'involvedUnits', 'projects', 'secret', 'outOfScope', 'outsideRound', 'office',
]);

const REQUIRED_BY_CHECK: Record<CheckKind, string[]> = {
  deadline: ['start', 'act'],
  within: ['start', 'act', 'period'],
  monthly: ['start', 'act', 'period', 'until', 'monthEndRolls', 'monthlyFrom'],
  yearly: ['act', 'yearly'],
  order: ['act'],
  forbidden: ['act'],
  require: ['act', 'require'],
  limit: ['act', 'limit'],
};


type Json = Record<string, unknown>;

class Problems {
  readonly list: Problem[] = [];
  add(f: YamlFile, pointer: string, message: string): void {
    this.list.push({ file: f.file, pointer, ...f.locate(pointer), message });
  }
  throwIfAny(): void {
    if (this.list.length) throw new InputError(this.list);
  }
}

export interface ValidateOptions {
  /** Also the checks that keep the rules complete (`xuncha lint`): coverage, and examples present and valid as logs. */
  lint?: boolean;
}

export function validateRules(raw: RawRules, opts: ValidateOptions = {}): Rules {
  const p = new Problems();
  const check = (f: YamlFile, def: string) => p.list.push(...schemaProblems(validatorFor(`rules.schema.json#/definitions/${def}`), f.data, f.file, f.locate));
  check(raw.agencies, 'agenciesFile');
  check(raw.events, 'eventsFile');
  raw.calendar.forEach((f) => check(f, 'calendarFile'));
  if (raw.consistency) check(raw.consistency, 'consistencyFile');
  for (const rs of raw.rulesets) {
    check(rs.ruleset, 'rulesetFile');
    if (rs.patterns) check(rs.patterns, 'patternsFile');
    rs.sections.forEach((f) => check(f, 'sectionFile'));
  }
  p.throwIfAny(); // meaning checks below rely on the shapes the schema guarantees

  const { agencies, agencyByName } = compileAgencies(raw.agencies, p);
  const events = compileEvents(raw.events, p);
  const fieldNames = new Map(Object.entries((raw.events.data as { fields: Record<string, string> }).fields));
  for (const k of fieldNames.keys()) if (!EVENT_FACTS.has(k)) p.add(raw.events, `/fields/${k}`, `${k} 不是事件字段；可用：${[...EVENT_FACTS].join('、')}。`);
  const calendarOverrides = compileCalendar(raw.calendar, p);
  const rulesets = raw.rulesets.map((rs) => compileRuleset(rs, raw, { agencyByName, events }, p, opts.lint === true));
  const consistency = raw.consistency ? compileConsistency(raw.consistency, raw.dir, { agencyByName, events }, p, opts.lint === true) : [];
  if (opts.lint) {
    const ctx = { agencyByName, events, calendar: buildCalendar(calendarOverrides) };
    lintExampleLogs(raw, [...rulesets.flatMap((rs) => rs.duties), ...consistency], ctx, p);
  }
  const ids = new Map<string, string>();
  for (const rs of rulesets) {
    if (ids.has(rs.effective)) p.add(rs.file, '/effective', `两个规则集的生效日期相同（${rs.effective}），无法确定适用哪一个。`);
    ids.set(rs.effective, rs.id);
  }
  p.throwIfAny();
  rulesets.sort((a, b) => a.effective.localeCompare(b.effective));
  const consistencyText = ((raw.consistency?.data as { description?: string } | undefined)?.description ?? '').trim();
  return { fieldNames, agencies, agencyByName, events, calendarOverrides, consistency, consistencyText, rulesets: rulesets.map(({ file: _f, ...rs }) => rs), dir: raw.dir };
}

/** Data-consistency checks: duties of the ordinary check kinds whose findings are `inconsistent`. */
function compileConsistency(f: YamlFile, dir: string, cat: Catalogue, p: Problems, lint: boolean): Duty[] {
  const seen = new Map<string, string>(); // id → where it was first written
  const out: Duty[] = [];
  (f.data as { checks: Json[] }).checks.forEach((c, i) => {
    const here = `/checks/${i}`;
    const id = c['id'] as string;
    const first = seen.get(id);
    if (first) p.add(f, `${here}/id`, `核对项 id ${id} 重复：已见于 ${first}。每个核对项的 id 须不同。`);
    else seen.set(id, placeZh(dir, f, `${here}/id`));
    const examples = ((c['examples'] ?? []) as Omit<Example, 'pointer' | 'file'>[]).map((ex, j) => ({ ...ex, file: f.file, pointer: `${here}/examples/${j}` }));
    const duty = toDuty(id, CONSISTENCY_ARTICLE, '', { ...c, severity: 'advisory' }, [], examples, f, here, cat, p);
    if (!duty) return;
    duty.inconsistent = true;
    if (lint) lintExamples(duty, f, here, p);
    out.push(duty);
  });
  return out;
}

/** What a data-consistency finding cites in place of an article. */

function compileAgencies(f: YamlFile, p: Problems) {
  const list = (f.data as { agencies: Agency[] }).agencies;
  const agencyByName = new Map<string, Agency>();
  list.forEach((a, i) => {
    for (const [j, name] of [a.id, a.name, ...a.aliases].entries()) {
      const other = agencyByName.get(name);
      if (other && other !== a) {
        const where = j === 0 ? `/agencies/${i}/id` : j === 1 ? `/agencies/${i}/name` : `/agencies/${i}/aliases/${j - 2}`;
        p.add(f, where, `名称“${name}”已属于 ${other.id}（${other.name}），一个名称只能指向一个单位。`);
      }
      agencyByName.set(name, a);
    }
  });
  return { agencies: list, agencyByName };
}

function compileEvents(f: YamlFile, p: Problems): Map<string, EventType> {
  const map = new Map<string, EventType>();
  (f.data as { events: (Omit<EventType, 'phrase' | 'required'> & { phrase?: string; required?: string[] })[] }).events.forEach((e, i) => {
    if (map.has(e.type)) p.add(f, `/events/${i}/type`, `事件类型 ${e.type} 重复定义。`);
    map.set(e.type, { type: e.type, label: e.label, phrase: e.phrase ?? e.label, required: e.required ?? [] });
  });
  return map;
}

function compileCalendar(files: YamlFile[], p: Problems): OverrideFile[] {
  const years = new Map<number, string>();
  return files.map((f) => {
    const o = f.data as Omit<OverrideFile, 'file'>;
    if (years.has(o.year)) p.add(f, '/year', `${o.year} 年已有覆盖文件 ${years.get(o.year)}，每年只能有一个文件。`);
    years.set(o.year, f.file);
    const inPackage = o.year >= PACKAGE_YEARS[0] && o.year <= PACKAGE_YEARS[1];
    if (o.coverage === 'corrections' && !inPackage) {
      p.add(f, '/coverage', `chinese-workday 不含 ${o.year} 年数据，只能用 coverage: complete 给出全年的放假和调休安排。`);
    }
    if (o.coverage === 'statutory' && inPackage) {
      p.add(f, '/coverage', `chinese-workday 已含 ${o.year} 年的放假安排；coverage: statutory 只用于国务院尚未公布放假安排的年份，本年份的更正请用 coverage: corrections。`);
    }
    const seen = new Set<string>();
    o.days.forEach((d, i) => {
      if (!d.date.startsWith(`${o.year}-`)) p.add(f, `/days/${i}/date`, `日期 ${d.date} 不在本文件的年份 ${o.year} 内。`);
      if (seen.has(d.date)) p.add(f, `/days/${i}/date`, `日期 ${d.date} 重复。`);
      seen.add(d.date);
      if (!d.workday && d.name === null) p.add(f, `/days/${i}/name`, '休息日应写明节日名称（普通周末写“周末”）。');
      // Only the law's holidays are known before the notice: a make-up working day is the notice's.
      if (o.coverage === 'statutory' && d.workday) {
        p.add(f, `/days/${i}/workday`, 'coverage: statutory 只列《全国年节及纪念日放假办法》规定的放假日（workday: false）；调休上班日要等国务院通知，届时把本文件改为 coverage: complete。');
      }
    });
    return { ...o, file: f.file };
  });
}

interface Catalogue { agencyByName: Map<string, Agency>; events: Map<string, EventType> }

function compileRuleset(rs: RawRuleset, raw: RawRules, cat: Catalogue, p: Problems, lint: boolean): Ruleset & { file: YamlFile } {
  const head = rs.ruleset.data as {
    id: string; title: string; version: string; effective: string;
    parameters: Record<string, Omit<Parameter, 'name'>>;
  };
  const parameters: Parameter[] = Object.entries(head.parameters).map(([name, v]) => ({ name, ...v }));
  const paramByName = new Map(parameters.map((x) => [x.name, x]));
  const usedParams = new Set<string>();
  const patterns = (rs.patterns?.data as { patterns: Record<string, Json> } | undefined)?.patterns ?? {};
  const source = rs.sourceText ?? '';
  // The source's articles, paragraph by paragraph with their lines, as the rules quote them.
  const passages = new Map(sourceArticles(source).map((a) => [a.id, a.paragraphs]));
  const sourceIds = new Set(passages.keys());
  const articles: Article[] = [];
  const duties: Duty[] = [];
  const dutyIds = new Map<string, string>(); // id → where it was first written
  const articleIds = new Set<string>();
  const accountabilityRefs: { f: YamlFile; pointer: string; id: string }[] = [];
  const dutySchema = validatorFor('rules.schema.json#/definitions/duty');
  const badParams = new Set<string>();

  /** Substitute {param} values, then check each value against the field it fills, blaming the parameter. */
  function withParams(body: Json, dutyId: string, f: YamlFile, here: string, mark: boolean): { body: Json; used: string[] } {
    const used: string[] = [];
    const filled = new Map<string, string>(); // field path → parameter name
    const out = resolveParams(body, (name, at) => {
      const param = paramByName.get(name);
      if (mark) usedParams.add(name);
      if (!param) {
        // Once per name: a pattern's typo would otherwise be repeated by every section using it.
        if (!badParams.has(name)) {
          const guess = closest(name, [...paramByName.keys()]);
          p.add(f, `${here}${at === '/' ? '' : at}/param`, `${at.slice(1) || '此处'} 引用了未定义的参数 ${name}；` +
            (guess ? `是否应为 ${guess}？参数都定义在 ruleset.yaml 的 parameters 中。` : `ruleset.yaml 的 parameters 中定义的参数有：${[...paramByName.keys()].join('、')}。`));
        }
        badParams.add(name);
        return { param: name }; // left in place, so no knock-on "missing field" problem follows
      }
      if (!used.includes(name)) used.push(name);
      filled.set(at, name);
      if (JSON.stringify(param.value).includes('"param"') && !badParams.has(name)) {
        badParams.add(name);
        p.add(rs.ruleset, `/parameters/${name}/value`, `参数 ${name} 的值不能再引用参数（{ param: … }）；应直接写出取值。`);
      }
      return structuredClone(param.value);
    }) as Json;
    if (filled.size && !dutySchema({ ...out, examples: [] })) {
      for (const e of dutySchema.errors ?? []) {
        const hit = [...filled].find(([at]) => e.instancePath === at || e.instancePath.startsWith(`${at}/`));
        if (!hit || badParams.has(hit[1])) continue;
        badParams.add(hit[1]);
        p.add(rs.ruleset, `/parameters/${hit[1]}/value`,
          `参数 ${hit[1]} 的值 ${JSON.stringify(paramByName.get(hit[1])!.value)} 不适合它所填的字段 ${hit[0].slice(1)}（义务 ${dutyId}）：${expectedZh(e)}。`);
      }
    }
    return { body: out, used };
  }

  // Each pattern is checked once, where it is written, with the first agency standing in for $agency.
  const anyAgency = [...cat.agencyByName.values()][0]?.id ?? 'xunchaban';
  if (rs.patterns) {
    for (const [pid, base] of Object.entries(patterns)) {
      const here = `/patterns/${pid}`;
      const body = JSON.parse(JSON.stringify(base).replaceAll('"$agency"', JSON.stringify(anyAgency))) as Json;
      toDuty(pid, '', '', withParams(body, pid, rs.patterns, here, false).body, [], [], rs.patterns, here, cat, p, null);
    }
  }

  for (const f of rs.sections) {
    const sec = f.data as { section: string; agency?: string; articles: Json[] };
    if (sec.agency && !cat.agencyByName.has(sec.agency)) p.add(f, '/agency', unknownAgency(sec.agency, cat));
    sec.articles.forEach((a, ai) => {
      const at = `/articles/${ai}`;
      const id = a['article'] as string;
      const text = a['text'] as string;
      if (articleIds.has(id)) p.add(f, `${at}/article`, `条款 ${id} 重复出现。`);
      articleIds.add(id);
      if (!sourceIds.has(id)) p.add(f, `${at}/article`, `条款编号 ${id} 在原文 ${relative(raw.dir, rs.sourceFile)} 中不存在。`);
      if (!id.startsWith(sec.section)) p.add(f, `${at}/article`, `条款 ${id} 不属于本文件的部分 ${sec.section}。`);
      const lines = text.split('\n');
      const own = passages.get(id);
      lines.forEach((line, li) => {
        // Verbatim from this article's own paragraphs: a line of another article is not its text.
        if (own ? own.some((s) => s.text.includes(line)) : source.includes(line)) return;
        const other = own && [...passages].find(([, ps]) => ps.some((s) => s.text.includes(line)))?.[0];
        if (other) {
          p.add(f, `${at}/text`, `条款 ${id} 的条文${lines.length > 1 ? `第 ${li + 1} 行` : ''}“${clip(line)}”是原文条款 ${other} 的文字，不是本条的；条文须逐字引用本条原文。`);
          return;
        }
        const sourceName = relative(raw.dir, rs.sourceFile);
        p.list.push(notVerbatim(f, `${at}/text`, id, lines, li, passages.get(id) ?? [...passages.values()].flat(), sourceName));
      });
      const uses = (a['duties'] as Json[] | undefined) ?? [];
      const none = a['checks'] === 'none';
      if (lint && !none && uses.length === 0) p.add(f, at, `条款 ${id} 既没有 duties，也没有 checks: none 和 reason；每一条都须编码，或说明无法检查的理由。`);
      if (none && !a['reason']) p.add(f, `${at}/reason`, 'checks: none 的条款须用 reason 说明为何无法从案卷日志检查。');
      if (none && uses.length) p.add(f, `${at}/checks`, 'checks: none 的条款不应再列出 duties。');
      const article: Article = { id, section: sec.section, text, duties: [], reason: (a['reason'] as string) ?? null, note: (a['note'] as string) ?? null, anomaly: (a['anomaly'] as string) ?? null };
      uses.forEach((use, di) => {
        const here = `${at}/duties/${di}`;
        const quote = use['quote'] as string;
        if (!text.includes(quote)) p.list.push(quoteNotVerbatim(f, `${here}/quote`, quote, text));
        const patternId = use['pattern'] as string | undefined;
        const base = patternId === undefined ? {} : patterns[patternId];
        if (!base) {
          // Reported once; the knock-on "missing title/check/…" would only repeat it.
          p.add(f, `${here}/pattern`, `未知的条款模式 ${patternId}；已有：${Object.keys(patterns).join('、')}。`);
          return;
        }
        const overrides = Object.fromEntries(Object.entries(use).filter(([k]) => !['pattern', 'quote', 'id'].includes(k)));
        const agency = sec.agency ?? null;
        const dutyId = (use['id'] as string | undefined) ?? (patternId && agency ? `${agency}.${patternId}` : patternId);
        if (!dutyId) { p.add(f, here, '内联义务须有 id。'); return; }
        // A duty without an id of its own is named by its section's agency and its pattern.
        const idAt = use['id'] === undefined ? `${here}/pattern` : `${here}/id`;
        const first = dutyIds.get(dutyId);
        if (first) {
          p.add(f, idAt, `义务 id ${dutyId} 重复：已见于 ${first}。` + (use['id'] === undefined
            ? `没写 id 的义务以本部分的 agency 加 pattern 为 id；同一部分两次使用模式 ${patternId} 时，须给其中一项写明不同的 id。`
            : '每项义务的 id 须不同。'));
        } else dutyIds.set(dutyId, placeZh(raw.dir, f, idAt));
        let body: Json = { ...structuredClone(base), ...overrides };
        if (JSON.stringify(body).includes('$agency')) {
          if (!agency) p.add(f, here, '此义务使用 $agency，但本部分没有 agency。');
          else body = JSON.parse(JSON.stringify(body).replaceAll('"$agency"', JSON.stringify(agency)));
        }
        const rawExamples = (body['examples'] ?? []) as Omit<Example, 'pointer' | 'file'>[];
        const resolved = withParams(body, dutyId, f, here, true);
        body = resolved.body;
        const used = resolved.used;
        // Examples written on a pattern run for every section that uses it, with $agency filled in.
        const fromPattern = !use['examples'] && patternId !== undefined && rs.patterns !== null;
        const examples: Example[] = rawExamples.map((ex, i) => ({
          ...(JSON.parse(agency ? JSON.stringify(ex).replaceAll('$agency', agency) : JSON.stringify(ex)) as Omit<Example, 'pointer' | 'file'>),
          file: fromPattern ? rs.patterns!.file : f.file,
          pointer: fromPattern ? `/patterns/${patternId}/examples/${i}` : `${here}/examples/${i}`,
        }));
        // What a pattern says was checked where the pattern is written; here only what the section adds.
        const own = patternId === undefined ? null : new Set(Object.keys(overrides));
        const duty = toDuty(dutyId, id, quote, body, used, examples, f, here, cat, p, own);
        if (duty && lint) lintExamples(duty, f, here, p);
        if (duty) {
          // Placed where the clause is written: a pattern's once, in patterns.yaml.
          const own = patternId === undefined || 'accountability' in overrides;
          if (duty.accountability) accountabilityRefs.push(own ? { f, pointer: `${here}/accountability`, id: duty.accountability } : { f: rs.patterns!, pointer: `/patterns/${patternId}/accountability`, id: duty.accountability });
          article.duties.push(duty);
          duties.push(duty);
        }
      });
      articles.push(article);
    });
  }
  const told = new Set<string>();
  for (const ref of accountabilityRefs) {
    if (articleIds.has(ref.id) || told.has(`${ref.f.file}\0${ref.pointer}`)) continue;
    told.add(`${ref.f.file}\0${ref.pointer}`);
    p.add(ref.f, ref.pointer, unknownClause(ref.id, [...articleIds]));
  }
  parameters.forEach((x) => {
    if (!usedParams.has(x.name)) p.add(rs.ruleset, `/parameters/${x.name}`, `参数 ${x.name} 未被任何义务使用。`);
  });
  if (lint) {
    const have = new Set(articles.map((a) => a.id));
    for (const id of sourceIds) if (!have.has(id)) p.add(rs.ruleset, '', `原文条款 ${id} 在 sections/ 中没有对应条目；每一条都须编码，或写明 checks: none 和 reason。`);
  }
  // Articles in document order, as the source lists them.
  const orderOf = new Map([...sourceIds].map((id, i) => [id, i]));
  articles.sort((a, b) => (orderOf.get(a.id) ?? 1e9) - (orderOf.get(b.id) ?? 1e9));
  const hash = createHash('sha256');
  for (const file of [raw.agencies.file, raw.events.file, ...raw.calendar.map((c) => c.file), rs.ruleset.file, ...(rs.patterns ? [rs.patterns.file] : []), ...rs.sections.map((s) => s.file)]) {
    hash.update(relative(raw.dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return {
    id: head.id, title: head.title, version: head.version, effective: head.effective, sha256: hash.digest('hex'),
    articles, duties, parameters, sourceText: source, sourceArticles: [...sourceIds], file: rs.ruleset,
  };
}

/** Replace every {param: name} object anywhere in a duty body with the parameter's value. */
function resolveParams(v: unknown, lookup: (name: string, at: string) => unknown, at = ''): unknown {
  if (Array.isArray(v)) return v.map((x, i) => resolveParams(x, lookup, `${at}/${i}`));
  if (v && typeof v === 'object') {
    const o = v as Json;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === 'param' && typeof o['param'] === 'string') return lookup(o['param'], at || '/');
    return Object.fromEntries(keys.filter((k) => k !== 'examples').map((k) => [k, resolveParams(o[k], lookup, `${at}/${k}`)]));
  }
  return v;
}

function toDuty(
  id: string, article: string, quote: string, b: Json, interpretations: string[], examples: Example[],
  f: YamlFile, here: string, cat: Catalogue, p: Problems,
  /** Keys to check here (the section's own); null: check all. Inherited ones were checked in patterns.yaml. */
  own: ReadonlySet<string> | null = null,
): Duty | null {
  const mine = (key: string) => own === null || own.has(key);
  const check = b['check'] as CheckKind | undefined;
  for (const k of ['title', 'check', 'party', 'severity']) if (b[k] === undefined) p.add(f, here, `义务 ${id} 缺少 ${k}（内联义务须写全，或用 pattern 引用条款模式）。`);
  if (!check) return null;
  for (const k of REQUIRED_BY_CHECK[check]) if (b[k] === undefined) p.add(f, here, `check: ${check} 的义务 ${id} 须有 ${k}。`);
  if (check === 'order' && (b['before'] === undefined) === (b['after'] === undefined)) p.add(f, here, `check: order 的义务 ${id} 须有 before 或 after 之一。`);
  const party = b['party'] as string;
  if (party && party !== 'actor' && !cat.agencyByName.has(party)) p.add(f, `${here}/party`, unknownAgency(party, cat));
  const sel = (key: string): Selector | undefined => {
    const s = b[key] as { event: string | string[]; where?: Condition; link?: Link } | undefined;
    if (!s) return undefined;
    const types = Array.isArray(s.event) ? s.event : [s.event];
    if (mine(key)) {
      types.forEach((t, i) => {
        if (!cat.events.has(t)) p.add(f, `${here}/${key}/event${Array.isArray(s.event) ? `/${i}` : ''}`, `${key}.event 为${unknownType(t, cat.events, false)}`);
      });
      // Only a period may run from several events (the latest counts); an act, a matter or an
      // order anchor is one kind of event, and the checks read only one.
      if (key !== 'start' && types.length > 1) p.add(f, here, `${key}.event 只能是一个事件类型，实际有 ${types.length} 个（${types.join('、')}）；只有 start.event 可以列出多个（期限从其中较晚者起算）。`);
      if (s.where) checkCondition(s.where, `${key}.where`);
    }
    return { event: types[0]!, ...(s.where ? { where: s.where } : {}), ...(s.link ? { link: s.link } : {}) };
  };
  /** A condition's problems, each placed at the leaf's own field (its value, or the item of its list). */
  function checkCondition(c: unknown, what: string): void {
    const base = `${here}/${what.replace('.', '/')}`;
    walkCondition(c, (leaf, at) => {
      const there = (field: string) => `${base}${at}/${field}`;
      if (!operators.get(leaf.operator)) p.add(f, there('operator'), `${what} 中的运算符 ${leaf.operator} 不是 json-rules-engine 的运算符（如 equal、notEqual、in、notIn、contains、lessThan 等），也不是本项目增加的 ${PRESENT}。`);
      else if (leaf.operator === PRESENT && typeof leaf.value !== 'boolean') p.add(f, there('value'), `${what} 中运算符 ${PRESENT} 的取值应为 true（已填写）或 false（未填写），实际为 ${JSON.stringify(leaf.value)}。`);
      else if (!listOk(leaf)) {
        // json-rules-engine calls the value's indexOf: null throws in every check (exit 3), and a
        // text is searched as text ("jiwei" contains "wei"), not as a list of one.
        p.add(f, there('value'), `${what} 中运算符 ${leaf.operator} 的取值应为列表，如 [jiwei, zuzhibu]（只有一项也要写方括号）；实际为 ${leaf.value === null ? '空（null）' : JSON.stringify(leaf.value)}。`);
      }
      if (!EVENT_FACTS.has(leaf.fact)) p.add(f, there('fact'), `${what} 中的字段 ${leaf.fact} 不是事件字段；可用：${[...EVENT_FACTS].join('、')}。`);
      if (typeof leaf.value === 'string' && leaf.value.startsWith('$')) p.add(f, there('value'), `${what} 中的 ${leaf.value} 未被替换（本部分没有 agency？）。`);
      else if (PARTY_FIELDS.has(leaf.fact) && baseOperator(leaf.operator) !== PRESENT) { // present's value is yes/no, not a party
        const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
        values.forEach((v, i) => {
          const problem = typeof v === 'string' ? partyValueProblem(v, cat) : null;
          if (problem) p.add(f, there(Array.isArray(leaf.value) ? `value/${i}` : 'value'), `${what} 中字段 ${leaf.fact} 的取值 "${v}" ${problem}`);
        });
      }
    });
  }
  if (b['require'] && mine('require')) checkCondition(b['require'], 'require');
  if (b['until'] && mine('until')) checkCondition(b['until'], 'until');
  const start = b['start'] as { event: string | string[]; where?: Condition; link?: Link } | undefined;
  const startSel = sel('start');
  const duty: Duty = {
    id, article, quote,
    title: b['title'] as string,
    check,
    party,
    severity: b['severity'] as Duty['severity'],
    accountability: (b['accountability'] as string | null | undefined) ?? null,
    note: (b['note'] as string | undefined) ?? null,
    interpretations,
    examples,
    file: f.file,
    pointer: here,
  };
  if (start && startSel) duty.start = { events: Array.isArray(start.event) ? start.event : [start.event], ...(start.where ? { where: start.where } : {}), link: start.link ?? 'ref' };
  const act = sel('act'); if (act) duty.act = act;
  const matter = sel('matter'); if (matter) duty.matter = matter;
  const before = sel('before'); if (before) duty.before = before;
  const after = sel('after'); if (after) duty.after = after;
  if (b['require']) duty.require = b['require'] as Condition;
  if (b['until']) duty.until = b['until'] as Condition;
  if (b['period']) duty.period = b['period'] as Period;
  if (typeof b['monthEndRolls'] === 'boolean') duty.monthEndRolls = b['monthEndRolls'];
  if (b['sameDayOk'] !== undefined) duty.sameDayOk = b['sameDayOk'] === true;
  if (b['monthlyFrom'] !== undefined) duty.monthlyFrom = b['monthlyFrom'] as Duty['monthlyFrom'];
  if (b['limit']) {
    duty.limit = b['limit'] as NonNullable<Duty['limit']>;
    // A later act replaces the persons an earlier one named; a number of acts is nothing it replaces.
    if (duty.limit.over === 'latest' && duty.limit.count !== 'persons' && mine('limit')) {
      p.add(f, `${here}/limit/over`, `limit.over: latest（以最近一次为准）只适用于 count: persons：后一次行为所列人员取代此前各次的；`
        + `义务 ${id} 为 count: ${String(duty.limit.count)}，计的是次数，不存在取代。计次数的义务应删去 over（默认 all：累计所有行为）。`);
    }
  }
  if (b['yearly']) {
    // Read once here rather than for every log; the schema has made it a day every year has.
    const due = String((b['yearly'] as { due: unknown }).due);
    duty.yearly = { due, month: Number(due.slice(0, 2)), day: Number(due.slice(3, 5)) };
  }
  if (b['by']) {
    const by = b['by'] as { event: string; link?: Link; sameDayOk?: boolean };
    if (mine('by') && !cat.events.has(by.event)) p.add(f, `${here}/by/event`, `by.event 为${unknownType(by.event, cat.events, false)}`);
    duty.by = { event: by.event, link: by.link ?? 'round', sameDayOk: by.sameDayOk === true };
  }
  if (check === 'deadline' && (b['period'] === undefined) === (b['by'] === undefined)) p.add(f, here, `check: deadline 的义务 ${id} 须有 period 或 by 之一。`);
  if (duty.monthlyFrom && !['month-after-first-due', 'month-after-first-feedback'].includes(duty.monthlyFrom)) {
    p.add(f, here, `monthlyFrom 的取值 ${String(duty.monthlyFrom)} 无效；应为 month-after-first-due 或 month-after-first-feedback。`);
  }
  return duty;
}

/** Whether a leaf whose operator looks its fact up in the value (in, notIn, with any decorators)
 *  has a list to look in, or another fact's value ({ fact }) that is one at run time. */
function listOk(leaf: Leaf): boolean {
  if (!['in', 'notIn'].includes(baseOperator(leaf.operator))) return true;
  const v = leaf.value;
  return Array.isArray(v) || (typeof v === 'object' && v !== null && 'fact' in v);
}

/**
 * What is wrong with a value a condition compares a party field (actor, to, talentPool) with, or
 * null. The log's names are made agency ids before any condition runs (validate/log.ts), so only an
 * id can ever match: a name, or two ids run together by a full-width comma typed with a Chinese input
 * method ([jiwei，zuzhibu] is one string to YAML), would silently match nothing.
 */
function partyValueProblem(v: string, cat: Catalogue): string | null {
  const a = cat.agencyByName.get(v);
  if (a && a.id === v) return null;
  if (a) return `是单位名称；检查前日志中的单位已统一为编号，条件须写编号 ${a.id}（${a.name}）。`;
  if (/[，、；]/.test(v)) return '含全角标点：YAML 列表 [ ] 的各项须用半角逗号 "," 分隔，如 [jiwei, zuzhibu]；全角逗号“，”会让几个编号连成一个取值，什么也匹配不上。';
  const ids = distinctAgencies(cat.agencyByName).map((x) => x.id);
  const guess = closest(v, ids);
  return `不是已知单位编号${guess ? `；是否应为 ${guess}？` : '；'}${knownAgenciesZh(cat)}`;
}

/** Where a value is written, for a message naming another place than its own: file:line:column (pointer). */
function placeZh(dir: string, f: YamlFile, pointer: string): string {
  const { line, column } = f.locate(pointer);
  return `${relative(dir, f.file)}:${line}:${column}（${pointer}）`;
}

/** An accountability clause that is no article: the article it is an item of, if any (spelling
 *  guesses mislead here: 三(四) is one edit from 三(一) and 二(四) alike), and the articles of its
 *  part (or all). */
function unknownClause(id: string, articles: string[]): string {
  const guess = articles.filter((a) => id.startsWith(a)).sort((a, b) => b.length - a.length)[0];
  const part = /^[一二三四五六七八九十]+/.exec(id)?.[0];
  const same = articles.filter((a) => part !== undefined && /^[一二三四五六七八九十]+/.exec(a)?.[0] === part);
  const list = same.length ? `本规则集第${part}部分的条款有：${same.join('、')}` : `本规则集的条款有：${articles.join('、')}`;
  return `追责条款 ${id} 不是本规则集中的条款${guess ? `（${guess} 是一条，不再细分）；是否应为 ${guess}？` : '。'}${list}。`;
}

function unknownAgency(name: string, cat: Catalogue): string {
  return `未知单位 ${name}；${knownAgenciesZh(cat)}`;
}

function knownAgenciesZh(cat: Catalogue): string {
  return `已知单位：${distinctAgencies(cat.agencyByName).map((a) => `${a.id}（${a.name}）`).join('、')}。`;
}

/** Every duty carries examples; a duty with a due date also shows one on-time case (no finding). */
function lintExamples(duty: Duty, f: YamlFile, here: string, p: Problems): void {
  if (duty.examples.length === 0) {
    p.add(f, here, `义务 ${duty.id} 没有 examples；每条义务至少要有一个示例（给定事件和基准日，写明应有的结论）。`);
    return;
  }
  const timed = ['deadline', 'within', 'monthly', 'yearly'].includes(duty.check);
  if (timed && !duty.examples.some((e) => e.expect.length === 0)) {
    p.add(f, here, `有期限的义务 ${duty.id} 还须有一个按时办理（expect: []）的示例。`);
  }
}

/**
 * An example's events as the case log they stand for, validated as a real log is (validateLog), so
 * that anything a log can get wrong is caught in an example too. Problems are placed, and their
 * messages name places, in the rule file where the example is written (/events/0/date of the log
 * would mean nothing there). `xuncha lint` runs it on every example, `xuncha test` before
 * it runs one: both report the same problem at the same place. Messages do not name the example:
 * the caller says which it is, once.
 */
export function exampleLog(ex: Example, dutyId: string, ctx: LogContext, locate: (pointer: string) => Position): ValidLog {
  const data = {
    format: 'xuncha-case-log/1',
    round: { id: `example:${dutyId}`, ...(ex.units ? { units: ex.units } : {}) },
    // validateLog makes names canonical in place; the rules' own example stays as written.
    events: structuredClone(ex.events),
  };
  const place = (pointer: string) => examplePointer(ex, pointer);
  try {
    // An example is no file: no hash to report.
    return validateLog({ file: ex.file, sha256: '', data, locate: (pointer) => locate(place(pointer)), name: place }, ctx);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(e.problems.map((q) => {
      const pointer = place(q.pointer);
      return { file: ex.file, pointer, ...locate(pointer), message: q.message, ...(q.note ? { note: q.note } : {}) };
    }));
  }
}

/** Where a pointer of the example's log is in the rule file: events and units are written in the
 *  example; the rest of the log (format, round id) is made up, so it is the example itself. */
function examplePointer(ex: Example, logPointer: string): string {
  if (logPointer === '/events' || logPointer.startsWith('/events/')) return ex.pointer + logPointer;
  if (logPointer === '/round/units' || logPointer.startsWith('/round/units/')) return ex.pointer + logPointer.slice('/round'.length);
  return ex.pointer;
}

/** lint: every example's log valid. A pattern's examples run once per section using it, so the
 *  same problem of patterns.yaml is reported once. */
function lintExampleLogs(raw: RawRules, duties: Duty[], ctx: LogContext, p: Problems): void {
  const yamlByFile = new Map([raw.consistency, ...raw.rulesets.flatMap((rs) => [rs.patterns, ...rs.sections])]
    .filter((f): f is YamlFile => f !== null).map((f) => [f.file, f]));
  const seen = new Set<string>();
  for (const duty of duties) {
    for (const ex of duty.examples) {
      const f = yamlByFile.get(ex.file)!;
      try {
        exampleLog(ex, duty.id, ctx, f.locate);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        for (const q of e.problems) {
          // lint's list says nothing else of which example it is; test's heading names it already.
          const message = `示例“${ex.name}”：${q.message}`;
          const key = `${q.file}\0${q.pointer}\0${message}`;
          if (!seen.has(key)) p.list.push({ ...q, message });
          seen.add(key);
        }
      }
    }
  }
}
