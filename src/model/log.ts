// A validated case log (xuncha-case-log/1). `actor` and `to` hold canonical agency ids after
// validation, or the unit's name when an inspected unit acted itself.
/** Fields that name a party: validation resolves them to canonical agency ids, and messages name the agency. */
export const PARTY_FIELDS: ReadonlySet<string> = new Set(['actor', 'to', 'talentPool']);

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
  involvedUnits?: string[];
  projects?: string[];
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

/** A validated event, with its date as a day number (days since 1970-01-01), set by validation. */
export interface DatedEvent extends LogEvent {
  day: number;
}

/** A log that passed validation, with what later stages need to cite it. */
export interface ValidLog {
  file: string;
  sha256: string;
  log: Omit<CaseLog, 'events'> & { events: DatedEvent[] };
  /** Event index in `log.events` by id, for JSON pointers in reports. */
  indexOf: Map<string, number>;
  /** line:column of a JSON pointer in the file, for messages and SARIF. */
  locate(pointer: string): { line: number; column: number };
}
