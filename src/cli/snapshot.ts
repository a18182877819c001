// Run by `npm run build`: write the case-log validators as standalone code (src/validate/
// standalone.ts), validate the shipped rules and write dist/rules.snapshot.json (see
// src/load/snapshot.ts). Invalid rules write no snapshot; the CLI then reports them as usual.
import { rmSync } from 'node:fs';
import { loadRules } from '../load/rules.js';
import { fingerprint, writeSnapshot } from '../load/snapshot.js';
import { InputError } from '../model/problem.js';
import { validateRules } from '../validate/rules.js';
import { writeStandalone } from '../validate/standalone.js';
import { DEFAULT_RULES_DIR, SNAPSHOT_FILE } from './setup.js';

writeStandalone();
rmSync(SNAPSHOT_FILE, { force: true });
try {
  writeSnapshot(SNAPSHOT_FILE, validateRules(loadRules(DEFAULT_RULES_DIR)), fingerprint(DEFAULT_RULES_DIR));
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  process.stderr.write(`rules are invalid; no snapshot written (run xuncha lint)\n`);
}
