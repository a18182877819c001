// Loading what every command needs: the rules (validated) and the calendar built from them.
import { fileURLToPath } from 'node:url';
import { buildCalendar, type WorkCalendar } from '../calendar/calendar.js';
import { loadRules } from '../load/rules.js';
import { validateRules } from '../validate/rules.js';
import type { Rules } from '../model/rules.js';

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

export function setup(rulesDir: string | undefined, estimateUncovered = false, lint = false): { rules: Rules; cal: WorkCalendar } {
  const rules = validateRules(loadRules(rulesDir ?? DEFAULT_RULES_DIR), { lint });
  const cal = buildCalendar(rules.calendarOverrides, { estimateUncovered });
  return { rules, cal };
}
