// A validated case log (xuncha-case-log/1). `actor` and `to` hold canonical agency ids after
// validation, or the unit's name when an inspected unit acted itself.
export interface LogEvent {
  id: string;
  type: string;
  date: string;
  actor: string;
  to?: string;
  ref?: string;
  unit?: string;
  persons?: string[];
  approved?: boolean;
  classified?: boolean;
  written?: boolean;
  closed?: boolean;
  fromTalentPool?: boolean;
  talentPool?: string;
  inPerson?: boolean;
  matters?: string[];
  secret?: boolean;
  outOfScope?: boolean;
  outsideRound?: boolean;
  office?: string;
  note?: string;
}

export interface CaseLog {
  format: 'xuncha-case-log/1';
  round: { id: string; name?: string; units?: string[]; note?: string };
  events: LogEvent[];
  note?: string;
}

/** A log that passed validation, with what later stages need to cite it. */
export interface ValidLog {
  file: string;
  sha256: string;
  log: CaseLog;
  /** Event index in `log.events` by id, for JSON pointers in reports. */
  indexOf: Map<string, number>;
  /** Day number of each event, parallel to `log.events`. */
  days: number[];
  /** line:column of a JSON pointer in the file, for messages and SARIF. */
  locate(pointer: string): { line: number; column: number };
}
