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
}

/** Raised by the load and validate stages with every problem found; the CLI prints them and exits 2. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
    this.name = 'InputError';
  }
}
