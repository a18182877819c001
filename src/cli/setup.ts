// Loading what every command needs: the rules (validated) and the calendar built from them.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { buildCalendar, type WorkCalendar } from '../calendar/calendar.js';
import { loadRules } from '../load/rules.js';
import { fingerprint, readSnapshot } from '../load/snapshot.js';
import { validateRules } from '../validate/rules.js';
import type { Rules } from '../model/rules.js';

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
/** Written by `npm run build` (src/cli/snapshot.ts) for the shipped rules folder. */
export const SNAPSHOT_FILE = fileURLToPath(new URL('../rules.snapshot.json', import.meta.url));

export function setup(rulesDir: string | undefined, estimateUncovered = false, lint = false): { rules: Rules; cal: WorkCalendar } {
  const dir = rulesDir ?? DEFAULT_RULES_DIR;
  // lint always reads the files: its job is to look at them.
  const snap = !lint && resolve(dir) === resolve(DEFAULT_RULES_DIR) ? readSnapshot(SNAPSHOT_FILE, fingerprint(dir)) : null;
  const rules = snap ?? validateRules(loadRules(dir), { lint });
  const cal = buildCalendar(rules.calendarOverrides, { estimateUncovered });
  return { rules, cal };
}
