// require: every act must meet a condition (经审核同意, 作为密件, 从人才库产生 …). The message
// names each failed condition leaf with what the event actually held, as json-rules-engine saw it.
import type { Finding } from '../../model/finding.js';
import { presenceWanted } from '../../model/operators.js';
import type { Duty } from '../../model/rules.js';
import { fieldValueZh, show } from '../../model/show.js';
import type { FailedLeaf } from '../conditions.js';
import { acts, did, finding, inForce, partyOf, type Ctx } from '../context.js';

const OPERATOR_ZH: Record<string, string> = {
  equal: '应为', notEqual: '不应为', in: '应为以下之一：', notIn: '不应为以下之一：',
  contains: '应包含', doesNotContain: '不应包含', lessThan: '应小于', lessThanInclusive: '应不大于',
  greaterThan: '应大于', greaterThanInclusive: '应不小于',
};

export function require(duty: Duty, ctx: Ctx, out: Finding[]): void {
  const is = ctx.decisions.of(duty);
  for (const a of acts(duty, ctx, is)) {
    if (is.require(a) || !inForce(duty, ctx, a.day, a)) continue;
    const why = is.failed('require', a).map((l) => leafZh(ctx, l)).join('；');
    out.push(finding(duty, ctx, {
      kind: 'breach', primary: a, evidence: [a], party: partyOf(duty, a),
      message: `${did(ctx, a)}，不符合“${duty.title}”${why ? `：${why}` : ''}。`,
    }));
  }
}

// A leaf under `not` failed by holding: it is said as its opposite.
const OPPOSITE: Record<string, string> = {
  equal: 'notEqual', notEqual: 'equal', in: 'notIn', notIn: 'in', contains: 'doesNotContain', doesNotContain: 'contains',
  lessThan: 'greaterThanInclusive', greaterThanInclusive: 'lessThan', greaterThan: 'lessThanInclusive', lessThanInclusive: 'greaterThan',
};

export function leafZh(ctx: Pick<Ctx, 'fieldName' | 'agencyName'>, l: FailedLeaf): string {
  const shown = (v: unknown): string => fieldValueZh(v, l.fact, ctx.agencyName, show);
  const found = l.found === undefined ? '未填写' : shown(l.found);
  const value = Array.isArray(l.value) ? l.value.map(shown).join('、') : shown(l.value);
  const wanted = presenceWanted(l.operator, l.value, l.negated);
  if (wanted !== null) return `${ctx.fieldName(l.fact)}（${l.fact}）${wanted ? '应填写' : '不应填写'}，实际为 ${found}`;
  const op = l.negated ? OPPOSITE[l.operator] : l.operator;
  const rule = op && OPERATOR_ZH[op] ? OPERATOR_ZH[op] : `须${l.negated ? '不' : ''}满足 ${l.operator}`;
  return `${ctx.fieldName(l.fact)}（${l.fact}）${rule} ${value}，实际为 ${found}`;
}
