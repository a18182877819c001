// JSON Schema validation with ajv, messages in Chinese (ajv-i18n zh), each problem placed by
// JSON pointer and line:column. One Ajv instance serves every schema in schemas/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeAll from 'ajv-i18n';
import type { Problem } from '../model/problem.js';
import type { Position } from '../load/positions.js';

// ajv-i18n's typings do not resolve under NodeNext; its runtime shape is { zh(errors) }.
const localizeZh = (localizeAll as unknown as { zh: (errors: ErrorObject[] | null | undefined) => void }).zh;

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

let ajv: Ajv | undefined;
function instance(): Ajv {
  if (ajv) return ajv;
  // verbose: errors carry their parentSchema, so a message can list the allowed keys.
  ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats.default(ajv, ['date', 'uri']);
  for (const name of ['case-log', 'findings', 'rules']) {
    ajv.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, 'utf8')), `${name}.schema.json`);
  }
  return ajv;
}

/** A compiled validator for `schema.json` or `schema.json#/definitions/x`. */
export function validatorFor(ref: string): ValidateFunction {
  const v = instance().getSchema(ref);
  if (!v) throw new Error(`schema not found: ${ref}`);
  return v;
}

export function schemaProblems(
  validate: ValidateFunction, data: unknown, file: string, locate: (pointer: string) => Position,
): Problem[] {
  if (validate(data)) return [];
  const errors = pruneErrors(validate.errors ?? []);
  localizeZh(errors);
  return errors.map((e) => {
    const pointer = e.keyword === 'additionalProperties'
      ? `${e.instancePath}/${escape(String(e.params['additionalProperty']))}`
      : e.instancePath;
    return { file, pointer, ...locate(pointer), message: describe(e, data) };
  });
}

/** oneOf/anyOf failures repeat every branch's errors; keep the branch-free ones and the summary. */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

export function show(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

function describe(e: ErrorObject, data: unknown): string {
  const found = valueAt(data, e.instancePath);
  const where = e.instancePath === '' ? '文档顶层' : e.instancePath;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params['additionalProperty']);
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const reserved = ['__proto__', 'constructor', 'prototype'].includes(key) ? '（这是 JavaScript 的保留名，不能用作字段名）' : '';
      return `${where} 中有不允许的字段 "${key}"${reserved}（${e.message}）；允许的字段：${allowed.join('、')}。`;
    }
    case 'required':
      return `${where} 缺少必需字段 "${String(e.params['missingProperty'])}"（${e.message}）。`;
    case 'format':
      if (e.params['format'] === 'date' && typeof found === 'string') {
        return `${where} 的日期 ${show(found)} 不存在（${e.message}）；应为真实存在的日期，格式 YYYY-MM-DD。`;
      }
      return `${where} 的值 ${show(found)} ${e.message}。`;
    case 'pattern':
      if ((e.parentSchema as { format?: string })?.format === 'date') {
        return `${where} 的值 ${show(found)} 不是日期格式；应为 YYYY-MM-DD（不带时间）。`;
      }
      return `${where} 的值 ${show(found)} ${e.message}。`;
    case 'enum':
      return `${where} 的值 ${show(found)} ${e.message}：${(e.params['allowedValues'] as unknown[]).map(show).join('、')}。`;
    case 'const':
      return `${where} 的值 ${show(found)} ${e.message} ${show(e.params['allowedValue'])}。`;
    case 'type':
      if ((e.parentSchema as { format?: string })?.format === 'date' || /\/date$/.test(e.instancePath)) {
        return `${where} 的值 ${show(found)} ${e.message}；日期应写成带引号的字符串，如 "2023-04-10"。`;
      }
      return `${where} 的值 ${show(found)} ${e.message}。`;
    default:
      return `${where} 的值 ${show(found)} ${e.message}。`;
  }
}
