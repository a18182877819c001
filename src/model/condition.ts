// The shape of a json-rules-engine condition, read in this one place by every walker: the rule
// compiler's checks, the compiled predicates and the explanation of a failed condition. A node is
// `all`, `any`, `not` or a fact leaf, tried in that order.
import { PRESENT } from './operators.js';

export interface Leaf { fact: string; operator: string; value: unknown }

export type ConditionNode =
  | { kind: 'all' | 'any'; children: unknown[]; raw: Record<string, unknown> }
  | { kind: 'not'; inner: unknown; raw: Record<string, unknown> }
  | { kind: 'leaf'; leaf: Leaf; raw: Record<string, unknown> };

export function nodeOf(c: unknown): ConditionNode | null {
  if (!c || typeof c !== 'object' || Array.isArray(c)) return null;
  const raw = c as Record<string, unknown>;
  if (Array.isArray(raw['all'])) return { kind: 'all', children: raw['all'], raw };
  if (Array.isArray(raw['any'])) return { kind: 'any', children: raw['any'], raw };
  if ('not' in raw) return { kind: 'not', inner: raw['not'], raw };
  if (typeof raw['fact'] === 'string') return { kind: 'leaf', leaf: raw as unknown as Leaf, raw };
  return null;
}

/** Every fact leaf of a condition, in order, with its JSON pointer inside the condition (/all/0/not). */
export function walkCondition(c: unknown, visit: (leaf: Leaf, pointer: string) => void, pointer = ''): void {
  const n = nodeOf(c);
  if (!n) return;
  if (n.kind === 'leaf') visit(n.leaf, pointer);
  else if (n.kind === 'not') walkCondition(n.inner, visit, `${pointer}/not`);
  else n.children.forEach((x, i) => walkCondition(x, visit, `${pointer}/${n.kind}/${i}`));
}

// Operators that cannot throw on JSON facts: equal and notEqual compare, contains and the
// comparisons check the fact's type first, present only compares, and in/notIn call indexOf on the
// rule's own list. A value naming another fact ({ fact }) is resolved at run time and may be anything.
const NEVER_THROW = new Set(['equal', 'notEqual', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', PRESENT]);

function cannotThrow(l: Leaf): boolean {
  const v = l.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return false;
  return NEVER_THROW.has(l.operator) || ((l.operator === 'in' || l.operator === 'notIn') && (Array.isArray(v) || typeof v === 'string'));
}

/**
 * A leaf `fact equal value` that the whole condition requires (the root, or a child of a root
 * `all`), with a plain value: only events holding that value can pass, so they can be looked up
 * rather than scanned. Null when there is none, or when some leaf could throw: the engine would
 * throw for an event that the lookup would leave untested, and both paths must fail alike.
 */
export function requiredEquality(c: unknown): Leaf | null {
  const n = nodeOf(c);
  if (!n || 'priority' in n.raw) return null;
  let safe = true;
  walkCondition(c, (l) => { if (!cannotThrow(l)) safe = false; });
  if (!safe) return null;
  const leaves = n.kind === 'leaf' ? [n] : n.kind === 'all' ? n.children.map(nodeOf) : [];
  for (const l of leaves) {
    if (l?.kind !== 'leaf' || l.leaf.operator !== 'equal' || 'path' in l.raw || 'params' in l.raw || 'priority' in l.raw) continue;
    const v = l.leaf.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return l.leaf;
  }
  return null;
}
