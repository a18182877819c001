// The ruleset after loading and validation: every duty fully resolved (patterns expanded,
// $agency and parameters substituted), so the evaluator never looks anything up by name.
import type { TopLevelCondition } from 'json-rules-engine';
import type { Period } from '../calendar/periods.js';
import type { OverrideFile } from '../calendar/calendar.js';

export type Condition = TopLevelCondition;

/** How an event is tied to another: same `ref`, same `unit`, anywhere in the round, or the unit when the event has one. */
export type Link = 'ref' | 'unit' | 'round' | 'unit-or-round';

export interface Selector {
  event: string;
  where?: Condition;
  link?: Link;
}

export type CheckKind = 'deadline' | 'within' | 'monthly' | 'yearly' | 'order' | 'forbidden' | 'require' | 'limit';
export type Severity = 'violation' | 'advisory';

export interface Duty {
  id: string;
  article: string;
  /** Verbatim fragment of the article that this duty encodes. */
  quote: string;
  title: string;
  check: CheckKind;
  /** Agency id of the obligated party, or 'actor' (whoever did the act). */
  party: string;
  /** deadline, within, monthly: the period runs from these (all needed; the latest counts). */
  start?: { events: string[]; where?: Condition; link: Link };
  /** The act the duty is about. */
  act?: Selector;
  /** Only matters (same ref) that contain a matching event of this type count, e.g. 函询 sent to this agency. */
  matter?: Selector;
  /** order: the act must come before the first of these (when one exists) … */
  before?: Selector;
  /** … or a matching event on or before the act must exist. */
  after?: Selector;
  /** deadline without a period: the act is due before the first of these events. */
  by?: { event: string; link: Link; sameDayOk: boolean };
  /** yearly: each year's act is due by this month-day (`due` as written, MM-DD; month 1–12 and day read from it). */
  yearly?: { due: string; month: number; day: number };
  require?: Condition;
  period?: Period;
  /** monthly: acts satisfying this end the duty (办结). */
  until?: Condition;
  /** monthly: 每月月底前 moves to the next workday when the month end is a rest day. */
  monthEndRolls?: boolean;
  /** monthly: from which month on (a ruleset parameter). */
  monthlyFrom?: 'month-after-first-due' | 'month-after-first-feedback';
  /** order/before: an act on the day of the `before` event still counts as before it. */
  sameDayOk?: boolean;
  /** limit: at most `max` persons or events per group; `over: latest` counts only each group's
   *  latest date (a later act replaces the earlier ones), absent or `all` every act. */
  limit?: { count: 'persons' | 'events'; per: 'unit' | 'actor' | 'ref'; max: number; over?: 'all' | 'latest' };
  severity: Severity;
  accountability: string | null;
  /** Legal staff's note on how the duty reads the text (why advisory, what is left unchecked);
   *  shown beside the duty in the rulebook, as an article's note is beside the article. */
  note: string | null;
  /** A data-consistency check (数据核对): its findings are advisory, of kind `inconsistent`. */
  inconsistent?: boolean;
  /** Names of the ruleset parameters (interpretations) this duty relies on. */
  interpretations: string[];
  /** Worked examples, run by `xuncha test`. */
  examples: Example[];
  /** Where it was written, for lint messages. */
  file: string;
  pointer: string;
}

export interface Example {
  name: string;
  asOf: string;
  units?: string[];
  events: Record<string, unknown>[];
  expect: ExpectedFinding[];
  /** Where this example is written (a section file, or patterns.yaml for a pattern's examples). */
  file: string;
  pointer: string;
}

export interface ExpectedFinding {
  kind: string;
  severity?: string;
  due?: string;
  done?: string | null;
  evidence?: string[];
  agency?: string;
  /** A fragment the message must contain. */
  message?: string;
}

export interface Parameter {
  name: string;
  value: unknown;
  wording: string;
  note: string;
  interpretation: boolean;
}

export interface Article {
  id: string;
  section: string;
  text: string;
  duties: Duty[];
  /** checks: none — why the article cannot be observed in a case log. */
  reason: string | null;
  /** What part of an encoded article is not checked, and why. */
  note: string | null;
  anomaly: string | null;
}

export interface Agency {
  id: string;
  name: string;
  aliases: string[];
}

export interface EventType {
  type: string;
  label: string;
  phrase: string;
  required: string[];
}

export interface Ruleset {
  id: string;
  title: string;
  version: string;
  effective: string;
  sha256: string;
  articles: Article[];
  duties: Duty[];
  parameters: Parameter[];
  sourceText: string;
  /** Article ids of the source text, in document order. */
  sourceArticles: string[];
}

/** An agency's Chinese name, by id or alias; anything else as it is. */
export function agencyNameOf(rules: Pick<Rules, 'agencyByName'>, id: string): string {
  return rules.agencyByName.get(id)?.name ?? id;
}

/** Each agency once, in catalogue order: `agencyByName` holds every one under its id, name and aliases. */
export function distinctAgencies(agencyByName: Map<string, Agency>): Agency[] {
  return [...new Set(agencyByName.values())];
}

/** The article id data-consistency findings carry: they rest on no article of the document. */
export const CONSISTENCY_ARTICLE = '数据核对';

/** Everything under rules/, validated: shared catalogues plus the rulesets, oldest first. */
export interface Rules {
  /** Chinese names of event fields (events.yaml `fields`). */
  fieldNames: Map<string, string>;
  agencies: Agency[];
  agencyByName: Map<string, Agency>;
  events: Map<string, EventType>;
  calendarOverrides: OverrideFile[];
  /** Data-consistency checks, run on every log whatever ruleset is in force. */
  consistency: Duty[];
  /** What 数据核对 is (consistency.yaml `description`), cited by reports in place of an article text. */
  consistencyText: string;
  rulesets: Ruleset[];
  dir: string;
}
