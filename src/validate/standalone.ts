// The case-log validators as ajv standalone code (ajv's own generated functions, written to a
// file), so that a check need not load ajv or compile the schema at start-up (see schema.ts).
// Written by the build; used only while schemaFingerprint() still matches.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compiler, schemaFingerprint, STANDALONE, STANDALONE_FILE } from './schema.js';

const require = createRequire(import.meta.url);

export function writeStandalone(file = STANDALONE_FILE): void {
  const standaloneCode = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js').default;
  const refs = Object.fromEntries(Object.entries(STANDALONE).map(([ref, name]) => [name, ref]));
  const code = standaloneCode(compiler(), refs);
  writeFileSync(file, `${code}\nexports.fingerprint = ${JSON.stringify(schemaFingerprint())};\n`);
}
