// An input problem: where it is and what is expected, in Chinese, for the person who must fix it.
export interface Problem {
  file: string;
  /** JSON pointer into the document ('' for the whole document). */
  pointer: string;
  line?: number;
  column?: number;
  message: string;
  /** A remark on the list itself (it was cut short), not a problem of the input: not counted. */
  note?: true;
  /** The id of the event the pointer is inside (/events/47 is E48 to the clerk, who searches the
   *  file for that). Said in the text output only: the JSON errors keep their fixed fields. */
  event?: string;
}

/** Raised by the load and validate stages with every problem found; the CLI prints them and exits 2. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
    this.name = 'InputError';
  }
}

const IN_EVENT = /^\/events\/(0|[1-9][0-9]*)(?:\/|$)/;

/**
 * Sets `event` on each problem placed inside an event of `data` (a parsed case log) whose `id` is a
 * non-empty string. Run on problems found only, never per event; returns the same list.
 */
export function nameEvents(problems: Problem[], data: unknown): Problem[] {
  const events = typeof data === 'object' && data !== null ? (data as { events?: unknown }).events : undefined;
  if (!Array.isArray(events)) return problems;
  for (const p of problems) {
    const m = IN_EVENT.exec(p.pointer);
    const e: unknown = m ? events[Number(m[1])] : undefined;
    const id = typeof e === 'object' && e !== null ? (e as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && id.trim() !== '') p.event = id;
  }
  return problems;
}
