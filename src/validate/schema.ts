// JSON Schema validation with ajv, messages in Chinese (ajv-i18n zh), each problem placed by
// JSON pointer and line:column. One Ajv instance serves every schema in schemas/.
//
// Start-up: compiling the case-log schema took 60 ms of a small check's 300, and loading ajv,
// ajv-formats and ajv-i18n 70 ms more. So the build writes ajv's own standalone code for the
// case-log validators (standalone.ts), used while the schema file is unchanged, and ajv itself is
// loaded only when another schema is needed (rules, findings) or a problem is to be worded.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { isoFrom, readLooseDate } from '../calendar/dates.js';
import { periodZh, readCountZh, readPeriodZh } from '../calendar/periods.js';
import { KIND_ZH, SEVERITY_ZH } from '../model/finding.js';
import type { Problem } from '../model/problem.js';
import { escapeKey, pointerKeys, type Position } from '../load/positions.js';
import { addTo } from '../model/multimap.js';
import { show } from '../model/show.js';
import { closest } from '../model/spelling.js';

const require = createRequire(import.meta.url);

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
/** Written by the build (standalone.ts); the same file from src/ (npm run dev) and dist/. */
export const STANDALONE_FILE = fileURLToPath(new URL('../../dist/validators.cjs', import.meta.url));
/** The validators the standalone file holds, by the name it exports them under. */
export const STANDALONE: Record<string, string> = {
  'case-log.schema.json': 'caseLog',
  'case-log.schema.json#/definitions/event': 'event',
};
const STANDALONE_SCHEMAS = ['case-log'];

/** sha256 of the schema files the standalone validators are built from. */
export function schemaFingerprint(): string {
  const hash = createHash('sha256');
  for (const name of STANDALONE_SCHEMAS) hash.update(readFileSync(`${SCHEMA_DIR}${name}.schema.json`));
  return hash.digest('hex');
}

let ajv: Ajv | undefined;
/** The Ajv instance with every schema, loaded on first use. `code.source` lets the build write standalone code. */
export function compiler(): Ajv {
  if (ajv) return ajv;
  const { Ajv } = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  // verbose: errors carry their parentSchema, so a message can list the allowed keys.
  ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, code: { source: true } });
  addFormats(ajv, ['date', 'uri']);
  for (const name of ['case-log', 'findings', 'rules']) {
    ajv.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, 'utf8')), `${name}.schema.json`);
  }
  return ajv;
}

/** The validators in a standalone file, or null when it is missing or was built from other schemas
 *  (a schema edited since the build is compiled afresh, never checked against the old one). */
export function loadStandalone(file: string, fingerprint: string): Record<string, ValidateFunction> | null {
  if (!existsSync(file)) return null;
  const mod = require(file) as Record<string, ValidateFunction> & { fingerprint?: string };
  return mod.fingerprint === fingerprint ? mod : null;
}

let standalone: Record<string, ValidateFunction> | null | undefined;

/** A compiled validator for `schema.json` or `schema.json#/definitions/x`. */
export function validatorFor(ref: string): ValidateFunction {
  const name = STANDALONE[ref];
  if (name) standalone ??= loadStandalone(STANDALONE_FILE, schemaFingerprint());
  const v = (name && standalone?.[name]) || compiler().getSchema(ref);
  if (!v) throw new Error(`schema not found: ${ref}`);
  return v;
}

// ajv-i18n's typings do not resolve under NodeNext; the module is one function localizing in place.
let localize: ((errors: ErrorObject[]) => void) | undefined;
function localizeZh(errors: ErrorObject[]): void {
  localize ??= require('ajv-i18n/localize/zh') as (errors: ErrorObject[]) => void;
  localize(errors);
}

/**
 * Problems of `data` against a schema, each with pointer, line:column and a Chinese message saying
 * what was found and what is expected. `prefix` is the pointer of `data` inside its file, for
 * validating one part of a document at a time. `name` says a pointer as the message shows it: a
 * rule example's events are checked as a log of their own, but named where they stand in the rule file.
 */
export function schemaProblems(
  validate: ValidateFunction, data: unknown, file: string, locate: (pointer: string) => Position, prefix = '',
  name: (pointer: string) => string = (p) => p,
): Problem[] {
  if (validate(data)) return [];
  const all = pruneErrors(validate.errors ?? []);
  // A misspelt required key (qoute: for quote:) is one slip: the unknown key, guessed as the
  // missing one, says it; "missing quote" would only repeat the guess.
  const guessed = new Set(all.filter((e) => e.keyword === 'additionalProperties').map((e) => `${e.instancePath}|${keyGuess(e) ?? ''}`));
  const missing = new Set(all.filter((e) => e.keyword === 'required').map((e) => `${e.instancePath}|${String(e.params['missingProperty'])}`));
  const errors = all.filter((e) => e.keyword !== 'required' || !guessed.has(`${e.instancePath}|${String(e.params['missingProperty'])}`));
  localizeZh(errors);
  return errors.map((e) => {
    const rel = e.keyword === 'additionalProperties'
      ? `${e.instancePath}/${escapeKey(String(e.params['additionalProperty']))}`
      : e.keyword === 'uniqueItems' ? `${e.instancePath}/${String(e.params['i'])}` : e.instancePath;
    const pointer = prefix + rel;
    return { file, pointer, ...locate(pointer), message: describe(e, data, prefix, name, missing) };
  });
}

/**
 * anyOf/oneOf failures repeat every branch's errors. When one branch got further into the value
 * (an error deeper than the anyOf itself: the value had that branch's shape), keep that branch's
 * errors only; when none did, keep just the anyOf, which then lists the allowed forms.
 */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  const depth = (p: string) => (p === '' ? 0 : p.split('/').length - 1);
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    // A branch's errors sit under anyOf/<i>, or under its $ref's target when it is a reference.
    const prefixes = (Array.isArray(e.schema) ? (e.schema as { $ref?: string }[]) : [])
      .map((b, i) => `${b.$ref ?? `${e.schemaPath}/${i}`}/`);
    const branches = new Map<number, ErrorObject[]>();
    for (const sub of errors) {
      if (sub === e || !sub.instancePath.startsWith(e.instancePath)) continue;
      const i = prefixes.findIndex((p) => sub.schemaPath.startsWith(p));
      if (i !== -1) addTo(branches, i, sub);
    }
    let best: ErrorObject[] | undefined;
    let bestDepth = depth(e.instancePath);
    for (const list of branches.values()) {
      const d = list.reduce((m, x) => Math.max(m, depth(x.instancePath)), 0);
      if (d > bestDepth || (best && d === bestDepth && list.length < best.length)) { best = list; bestDepth = d; }
    }
    for (const list of branches.values()) if (list !== best) list.forEach((x) => drop.add(x));
    if (best) drop.add(e);
  }
  // A date that fails its pattern need not also be told that it is not a real date, nor an empty
  // string that it fails its pattern.
  const patternAt = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  const emptyAt = new Set(errors.filter((e) => e.keyword === 'minLength' && e.params['limit'] === 1).map((e) => e.instancePath));
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'if' || drop.has(e)) return false;
    if (e.keyword === 'format' && patternAt.has(e.instancePath)) return false;
    if (e.keyword === 'pattern' && emptyAt.has(e.instancePath)) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const k of pointerKeys(pointer)) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

const TYPE_ZH: Record<string, string> = {
  string: '字符串', number: '数字', integer: '整数', boolean: '布尔值（true 或 false，不加引号）',
  object: '对象 {…}', array: '数组 […]', null: '空值 null',
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

const COMPARISON_ZH: Record<string, string> = { '>=': '不小于', '>': '大于', '<=': '不大于', '<': '小于' };

/** A likely intended YYYY-MM-DD for a date written another way (2023/9/4, 2023年9月4日, with a time);
 *  '' or a clause that ends the sentence. */
export function dateHint(v: unknown): string {
  if (typeof v === 'number' && Number.isInteger(v)) {
    const s = String(v);
    if (/^(19|20)\d{6}$/.test(s)) return `；是否应为 "${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}"？`;
    if (v > 20000 && v < 80000) return '；这像是 Excel 的日期序号：请在表格中把日期列设为文本格式 YYYY-MM-DD 后再导出。';
    return '';
  }
  if (typeof v !== 'string') return '';
  const m = readLooseDate(v);
  if (!m) return '';
  const iso = isoFrom(m.y, m.m, m.d);
  return m.rest ? `；不要写时间部分 ${show(m.rest)}，是否应为 "${iso}"？` : `；是否应为 "${iso}"？`;
}

/** A period, or its number, written in words (20工作日, 二十个工作日, workdays: 二十): the rule form
 *  they stand for; '' or a clause that ends the sentence. */
function periodHint(path: string, v: unknown): string {
  if (typeof v !== 'string') return '';
  if (/\/period$/.test(path)) {
    const p = readPeriodZh(v);
    if (!p) return '';
    const [unit, n] = Object.entries(p)[0]!;
    return `；“${periodZh(p)}”应写成 { ${unit}: ${n} }。`;
  }
  const n = /\/period\/(?:workdays|days|weeks|months)$/.test(path) ? readCountZh(v.replace(/\s+|个.*|[工作日天周星期月内]+$/g, '')) : undefined;
  return n ? `；是否应为 ${n}（阿拉伯数字，不加引号，不写“个”等字）？` : '';
}

/** Fields whose codes the reports say in Chinese, by field name: the reports' own words. */
const VALUE_ZH: Record<string, Record<string, string>> = { severity: SEVERITY_ZH, kind: KIND_ZH };

/** A definition an anyOf/oneOf refers to, as a form its value may take (never the schema's own name). */
const REF_ZH: Record<string, string> = {
  eventType: '事件类型（如 inquiry.received）', articleId: '条款编号（如 二(一)3）', date: '日期 YYYY-MM-DD',
};

/** The allowed forms of an anyOf/oneOf, from its branches. */
function forms(branches: unknown): string {
  if (!Array.isArray(branches)) return '';
  return branches.map((b: { required?: string[]; type?: string | string[]; enum?: unknown[]; const?: unknown; $ref?: string }) => {
    if (b.$ref?.endsWith('/paramRef')) return '{ param: 参数名 }';
    if (b.required) return `{ ${b.required.join(', ')} }`;
    if (b.enum) return b.enum.map(show).join('、');
    if (b.const !== undefined) return show(b.const);
    if (b.type) return [b.type].flat().map((t) => TYPE_ZH[t] ?? t).join('或');
    if (b.$ref) return REF_ZH[b.$ref.split('/').pop()!] ?? b.$ref.split('/').pop()!;
    return '…';
  }).join('、');
}

/** A one-key object whose key is a slip for the key of one of the allowed forms ({ workday: 20 } for
 *  { workdays: 20 }): that form, with the value as written; '' or a clause that ends the sentence. */
function formKeyHint(branches: unknown, v: unknown): string {
  if (!Array.isArray(branches) || typeof v !== 'object' || v === null || Array.isArray(v)) return '';
  const entries = Object.entries(v);
  if (entries.length !== 1) return '';
  const keys = (branches as { required?: string[] }[]).flatMap((b) => (b.required?.length === 1 ? b.required : []));
  const guess = closest(entries[0]![0], keys);
  return guess ? `；是否应为 { ${guess}: ${show(entries[0]![1])} }？` : '';
}

// yearly.due, written in a rule or filled from a parameter: its pattern allows only days every year has.
const isMonthDay = (path: string) => /\/yearly\/due$/.test(path);
const MONTH_DAY_ZH = '不是每年都有的一天；应写作 MM-DD，如 03-31（02-29 只在闰年才有）';

/** How event types are written (case-log and rules schemas); log.ts says it of an unknown type too. */
export const EVENT_TYPE_FORM_ZH = '事件类型是用点连接的小写英文单词（单词内可用连字符 -），如 inquiry.received、personal-check.selected';

/**
 * Every pattern of the schemas people write (case-log, rules), in words: what a value failing it is
 * and what it should be. Neither a clerk nor a rule author can read the regex itself; a pattern
 * missing here still falls back to it (tests/schema-messages.test.ts holds the list complete).
 */
export const PATTERN_ZH: Record<string, string> = {
  '^(\\S(.*\\S)?)?$': '首尾有空格；请删去首尾空格（否则同一事项会被当作两件）',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': '不是日期格式；应为 YYYY-MM-DD（不带时间）',
  '^[^，、；,;]*$': '含逗号、顿号或分号：一项只写一个人名，几个人请分成几项，如 ["吕强", "何敏"]（写在一项里会被当作一个人）',
  '^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*$': `不是事件类型的写法；${EVENT_TYPE_FORM_ZH}`,
  '^[a-z][a-z0-9]*([.-][a-z0-9]+)*$': '不是编号的写法；编号以小写英文字母开头，由小写英文字母和数字组成，可用点或连字符 - 分段，如 jiwei.inquiry.answer',
  '^[a-z]+$': '不是单位编号的写法；单位编号只用小写英文字母，如 jiwei、shenjiju',
  '^[一二三四五六七八九十]+(\\([一二三四五六七八九十]+\\)([0-9]+)?)?$': '不是条款编号的写法；应如 二、二(一) 或 二(一)3：中文数字，括号为英文半角，其后的序号为阿拉伯数字',
  '^[一二三四五六七八九十]+(\\([一二三四五六七八九十]+\\))?$': '不是部分编号的写法；应如 二 或 二(一)：中文数字，括号为英文半角',
  '^(\\$agency|actor|[a-z]+)$': '不是责任方的写法；应为单位编号（如 jiwei）、$agency（本部分所指单位）或 actor（行为人本身）',
  '^((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)$': MONTH_DAY_ZH,
  '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$': '不是月日的写法；应写作 MM-DD，如 03-31',
};

/** What a value failing `e` should be, in Chinese: for a message that names the value itself. */
export function expectedZh(e: ErrorObject): string {
  if (e.keyword === 'pattern' && isMonthDay(e.instancePath)) return MONTH_DAY_ZH;
  const zh = e.keyword === 'pattern' ? PATTERN_ZH[String(e.params['pattern'])] : undefined;
  if (zh) return zh;
  localizeZh([e]);
  return e.message ?? '格式不符';
}

/** The allowed key an unknown key likely means; none for a JavaScript reserved name. */
function keyGuess(e: ErrorObject): string | undefined {
  const key = String(e.params['additionalProperty']);
  if (RESERVED_KEYS.includes(key)) return undefined;
  return closest(key, Object.keys((e.parentSchema as { properties?: object })?.properties ?? {}));
}
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/** `missing`: "instancePath|key" of every required key the value lacks. */
function describe(e: ErrorObject, data: unknown, prefix: string, name: (pointer: string) => string, missing: ReadonlySet<string>): string {
  const found = valueAt(data, e.instancePath);
  const path = prefix + e.instancePath;
  // A pointer is set off by a space from the Chinese around it; 文档顶层 is part of the sentence.
  const where = name(path) ? `${name(path)} ` : '文档顶层';
  const isDate = (e.parentSchema as { format?: string })?.format === 'date' || /\/date$/.test(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params['additionalProperty']);
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const reserved = RESERVED_KEYS.includes(key) ? '（这是 JavaScript 的保留名，不能用作字段名）' : '';
      const guess = keyGuess(e);
      const needed = guess && missing.has(`${e.instancePath}|${guess}`) ? `（必需字段，目前缺少）` : '';
      return `${where}中有不允许的字段 ${show(key)}${reserved}${guess ? `；是否应为 "${guess}"${needed}？` : '；'}允许的字段：${allowed.join('、')}。`;
    }
    case 'required':
      return `${where}缺少必需字段 "${String(e.params['missingProperty'])}"。`;
    case 'format':
      if (e.params['format'] === 'date' && typeof found === 'string') {
        return `${where}的日期 ${show(found)} 不存在；应为真实存在的日期，格式 YYYY-MM-DD。`;
      }
      return `${where}的值 ${show(found)} ${e.message}。`;
    case 'pattern':
      if (isMonthDay(path)) return `${where}的值 ${show(found)} ${MONTH_DAY_ZH}。`;
      if (isDate) return `${where}的值 ${show(found)} 不是日期格式；应为 YYYY-MM-DD（不带时间）${dateHint(found) || '。'}`;
      return `${where}的值 ${show(found)} ${PATTERN_ZH[String(e.params['pattern'])] ?? `不符合格式要求；应匹配正则表达式 ${String(e.params['pattern'])}`}。`;
    case 'enum': {
      // A code the reports say in Chinese (severity: advisory is 提示) is glossed, and its word told its code.
      const gloss = VALUE_ZH[path.slice(path.lastIndexOf('/') + 1)] ?? {};
      const allowed = e.params['allowedValues'] as unknown[];
      const code = allowed.find((v) => typeof v === 'string' && gloss[v] === found);
      const list = allowed.map((v) => `${show(v)}${typeof v === 'string' && gloss[v] ? `（${gloss[v]}）` : ''}`).join('、');
      return `${where}的值 ${show(found)} 不是允许的取值；应为以下之一：${list}${code ? `；“${String(found)}”应写作 ${String(code)}` : ''}。`;
    }
    case 'const':
      return `${where}的值 ${show(found)} 不对；应为 ${show(e.params['allowedValue'])}。`;
    case 'type': {
      const want = String(e.params['type']).split(',').map((t) => TYPE_ZH[t] ?? t).join('或');
      const got = TYPE_ZH[typeOf(found)]?.replace(/（.*/, '') ?? typeOf(found);
      if (!name(path)) return `文档顶层是${got}，应为一个 JSON 对象 {…}，含 format、round、events 等字段。`;
      if (isDate) return `${where}的值 ${show(found)} 是${got}；日期应写成带引号的字符串，如 "2023-04-10"${dateHint(found) || '。'}`;
      return `${where}的值 ${show(found)} 是${got}，应为${want}${periodHint(path, found) || '。'}`;
    }
    case 'minLength':
      if (e.params['limit'] === 1) return `${where}是空字符串；应填写内容（不能为空）。`;
      return `${where}的值 ${show(found)} 太短；应至少 ${String(e.params['limit'])} 个字符。`;
    case 'maxLength':
      return `${where}的值长 ${typeof found === 'string' ? [...found].length : '?'} 个字符，超过上限 ${String(e.params['limit'])} 个字符（${show(found)}）。`;
    case 'maxItems':
      return `${where}有 ${Array.isArray(found) ? found.length : '?'} 项，超过上限 ${String(e.params['limit'])} 项。`;
    case 'minItems':
      return `${where}有 ${Array.isArray(found) ? found.length : '?'} 项；应至少 ${String(e.params['limit'])} 项。`;
    case 'uniqueItems': {
      const i = Number(e.params['i']), j = Number(e.params['j']);
      const value: unknown = Array.isArray(found) ? found[i] : undefined;
      const item = Array.isArray(found) ? show(value) : '';
      // A name written twice is counted once (一般不超过2人), so a slip would hide a third person.
      const same = path.endsWith('/persons') && typeof value === 'string' ? `；若确是两位同名人员，请加以区分，如 ${show(`${value}（财务科）`)}` : '';
      return `${where}中 ${item} 重复出现（${name(`${path}/${j}`)} 与 ${name(`${path}/${i}`)}）；每项只能写一次${same}。`;
    }
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
      const cmp = COMPARISON_ZH[String(e.params['comparison'])] ?? String(e.params['comparison']);
      return `${where}的值 ${show(found)} 超出范围；应${cmp} ${String(e.params['limit'])}。`;
    }
    case 'anyOf': case 'oneOf':
      if (isMonthDay(path) && typeof found === 'string') return `${where}的值 ${show(found)} ${MONTH_DAY_ZH}；或写 { param: 参数名 }。`;
      return `${where}的值 ${show(found)} 不符合任何一种允许的写法；应为以下之一：${forms(e.schema)}${periodHint(path, found) || formKeyHint(e.schema, found) || '。'}`;
    default:
      return `${where}的值 ${show(found)} ${e.message}。`;
  }
}
