// Shared test fixtures: the real rules and calendar, loaded once per test file.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCalendar } from '../src/calendar/calendar.js';
import { loadRules } from '../src/load/rules.js';
import { validateRules } from '../src/validate/rules.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const rules = validateRules(loadRules(`${ROOT}rules`));
export const calendar = buildCalendar(rules.calendarOverrides);
export const estimatingCalendar = buildCalendar(rules.calendarOverrides, { estimateUncovered: true });
export const DEMO = `${ROOT}fixtures/demo/round-2023-2.json`;
export const DEMO_AS_OF = '2023-11-20';

/** Run the built CLI as a user would. */
export function xuncha(args: string[], opts: { input?: string } = {}) {
  const r = spawnSync(process.execPath, [`${ROOT}bin/xuncha.js`, ...args], { cwd: ROOT, encoding: 'utf8', input: opts.input ?? '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export { execFileSync };
