/** A value as the user wrote it, clipped: a huge string is never copied whole. */
export function show(v: unknown): string {
  if (typeof v === 'string' && v.length > 60) return JSON.stringify(v.slice(0, 57)).slice(0, -1) + '…"';
  let s: string | undefined;
  try { s = JSON.stringify(v); } catch { s = undefined; }
  if (s === undefined) return String(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}
