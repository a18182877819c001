// A json-rules-engine condition in words, for the rulebook (what a duty covers) and for findings
// (which acts a limit counted): one wording, so that a finding reads as the rulebook does.
import { nodeOf, type Leaf } from './condition.js';
import { presenceWanted } from './operators.js';
import { agencyNameOf, type Rules } from './rules.js';
import { fieldValueZh } from './show.js';

/** What wording a condition needs of the rules: field names, and agencies by id. */
export type WordsRules = Pick<Rules, 'fieldNames' | 'agencyByName'>;

const OPERATOR_ZH: Record<string, string> = {
  equal: '为', notEqual: '不为', in: '属于', notIn: '不属于', contains: '包含', doesNotContain: '不包含',
  lessThan: '小于', lessThanInclusive: '不大于', greaterThan: '大于', greaterThanInclusive: '不小于',
};

// Operators whose negation is exactly another operator (json-rules-engine checks no fact type for
// these). The others fail for a fact of the wrong type both ways, so their negation is said as such.
const COMPLEMENT: Record<string, string> = { equal: 'notEqual', notEqual: 'equal', in: 'notIn', notIn: 'in' };

interface Words { text: string; kind: 'all' | 'any' | 'simple' }

/**
 * A json-rules-engine condition in words, faithful to its tree: all → 且, any → 或, not → 不…;
 * a group inside a group of the other kind is bracketed. Field names come from events.yaml,
 * agencies are named, booleans are 是/否: 经有关领导审核同意（approved）为是，且（…，或…）.
 */
export function conditionZh(c: unknown, rules: WordsRules): string {
  return words(c, rules, false).text;
}

/** The condition said before a 的 (…的“收到函询”): a bare 或 would bind to its last branch only. */
export function qualifierZh(c: unknown, rules: WordsRules): string {
  const w = words(c, rules, false);
  return w.kind === 'any' ? `（${w.text}）` : w.text;
}

function words(c: unknown, rules: WordsRules, negated: boolean): Words {
  const n = nodeOf(c);
  if (!n) {
    if (typeof c === 'object' && c !== null && 'condition' in c) {
      return { text: `${negated ? '不' : ''}满足共用条件 ${String(c.condition)}`, kind: 'simple' };
    }
    return { text: typeof c === 'object' ? JSON.stringify(c) : String(c), kind: 'simple' };
  }
  if (n.kind === 'leaf') return { text: leafZh(n.leaf, n.raw, rules, negated), kind: 'simple' };
  if (n.kind === 'not') return words(n.inner, rules, !negated);
  if (negated) return { text: `不满足（${words(c, rules, false).text}）`, kind: 'simple' };
  // A branch that reads the same as another is said once (A 或 A is A): a parameter that makes two
  // branches equal (talent-pool-stated: true) must not read as a stutter.
  const parts = [...new Set(n.children.map((x) => {
    const w = words(x, rules, false);
    return w.kind !== 'simple' && w.kind !== n.kind ? `（${w.text}）` : w.text;
  }))];
  if (parts.length === 1) return { text: parts[0]!, kind: 'simple' };
  if (parts.length === 0) return { text: n.kind === 'all' ? '（无条件）' : '（空的“或”条件，从不成立）', kind: 'simple' };
  return { text: parts.join(n.kind === 'all' ? '，且' : '，或'), kind: n.kind };
}

/** One fact leaf: 办理单位（actor）为县审计局. Operator decorators (someFact:, not: …) are worded too. */
function leafZh(leaf: Leaf, raw: Record<string, unknown>, rules: WordsRules, negated: boolean): string {
  const name = rules.fieldNames.get(leaf.fact);
  const path = typeof raw['path'] === 'string' ? raw['path'] : '';
  const subject = name ? `${name}（${leaf.fact}${path}）` : leaf.fact + path;
  const value = (v: unknown) => valueZh(v, leaf.fact, rules);
  const parts = String(leaf.operator).split(':');
  return phrase(parts.slice(0, -1), parts.at(-1)!, subject, leaf.value, value, negated);
}

/** `subject op object`, through the decorators from the outside in; `neg` flips the meaning. */
function phrase(decorators: string[], op: string, subject: string, object: unknown, value: (v: unknown) => string, neg: boolean): string {
  const [d, ...rest] = decorators;
  switch (d) {
    case undefined: {
      const wanted = presenceWanted(op, object, neg);
      if (wanted !== null) return `${subject}${wanted ? '已填写' : '未填写'}`;
      const o = neg ? COMPLEMENT[op] : op;
      const zh = o ? OPERATOR_ZH[o] : undefined;
      if (zh) return `${subject}${zh}${value(object)}`;
      const positive = OPERATOR_ZH[op] ? `${subject}${OPERATOR_ZH[op]}${value(object)}` : `${subject}满足运算 ${op}：${value(object)}`;
      return neg ? `不满足（${positive}）` : positive;
    }
    case 'not': return phrase(rest, op, subject, object, value, !neg);
    // Not some = every not; not every = some not.
    case 'someFact': case 'everyFact':
      return `${subject}中${(d === 'someFact') !== neg ? '至少有一项' : '每一项都'}${phrase(rest, op, '', object, value, neg)}`;
    case 'someValue': case 'everyValue': {
      const list = Array.isArray(object) ? object.map(value).join('、') : value(object);
      const positive = phrase(rest, op, subject, `${list}中的${d === 'someValue' ? '任一项' : '每一项'}`, String, false);
      return neg ? `不满足（${positive}）` : positive;
    }
    case 'swap': return phrase(rest, op, value(object), subject, String, neg);
    default: {
      const positive = `${subject}满足运算 ${[d, ...rest, op].join(':')}：${value(object)}`;
      return neg ? `不满足（${positive}）` : positive;
    }
  }
}

function valueZh(v: unknown, fact: string, rules: WordsRules): string {
  if (v === '') return '空';
  if (Array.isArray(v)) return v.map((x: unknown) => valueZh(x, fact, rules)).join('、');
  if (typeof v === 'object' && v !== null && 'fact' in v) {
    const f = String(v.fact);
    const name = rules.fieldNames.get(f);
    return `${name ? `${name}（${f}）` : f}的值`;
  }
  return fieldValueZh(v, fact, (id) => agencyNameOf(rules, id), (x) => (typeof x === 'string' ? x : JSON.stringify(x)));
}
