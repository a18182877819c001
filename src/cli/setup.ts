// Loading what every command needs: the rules (validated) and the calendar built from them.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { buildCalendar, type WorkCalendar } from '../calendar/calendar.js';
import { fingerprint, readSnapshot } from '../load/snapshot.js';
import type { Rules } from '../model/rules.js';

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
/** Written by `npm run build` (src/cli/snapshot.ts) for the shipped rules folder. */
export const SNAPSHOT_FILE = fileURLToPath(new URL('../rules.snapshot.json', import.meta.url));

export async function setup(rulesDir: string | undefined, estimateUncovered = false, lint = false): Promise<{ rules: Rules; cal: WorkCalendar }> {
  const dir = rulesDir ?? DEFAULT_RULES_DIR;
  // lint always reads the files: its job is to look at them.
  const snap = !lint && resolve(dir) === resolve(DEFAULT_RULES_DIR) ? readSnapshot(SNAPSHOT_FILE, fingerprint(dir)) : null;
  const rules = snap ?? await readRules(dir, lint);
  const cal = buildCalendar(rules.calendarOverrides, { estimateUncovered });
  return { rules, cal };
}

/** The rules from their YAML files. Imported only when needed: with a current snapshot, a check
 *  loads neither yaml nor the rule compiler (70 ms of a small check's start-up). */
async function readRules(dir: string, lint: boolean): Promise<Rules> {
  const [{ loadRules }, { validateRules }] = await Promise.all([import('../load/rules.js'), import('../validate/rules.js')]);
  return validateRules(loadRules(dir), { lint });
}
