import { PARTY_FIELDS } from './log.js';

/** A value as the user wrote it, clipped: a huge string is never copied whole. */
export function show(v: unknown): string {
  if (typeof v === 'string' && v.length > 60) return JSON.stringify(v.slice(0, 57)).slice(0, -1) + '…"';
  let s: string | undefined;
  try { s = JSON.stringify(v); } catch { s = undefined; }
  if (s === undefined) return String(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/**
 * A field's value as a person knows it: 是 or 否 for a yes-or-no field, an agency's name for a party
 * field (PARTY_FIELDS hold canonical ids such as xunchaban); anything else through `text`, which
 * also writes the name (quoted in a finding, bare in the rulebook).
 */
export function fieldValueZh(v: unknown, fact: string, agencyName: (id: string) => string, text: (v: unknown) => string): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  return text(typeof v === 'string' && PARTY_FIELDS.has(fact) ? agencyName(v) : v);
}
