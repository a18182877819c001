// Start-up: a check of a valid log loads neither ajv's compiler, yaml nor jsonc-parser; the
// case-log validators come from ajv's standalone code written by the build, which must give
// exactly the problems that the compiled schema gives.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiler, loadStandalone, schemaFingerprint, schemaProblems, STANDALONE } from '../src/validate/schema.js';
import { writeStandalone } from '../src/validate/standalone.js';

describe('start-up of a check', () => {
  it('loads no schema compiler, YAML parser or JSON error parser for a valid log', () => {
    const probe = join(mkdtempSync(join(tmpdir(), 'xuncha-probe-')), 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));");
    const r = spawnSync(process.execPath, ['-r', probe, 'bin/xuncha.js', 'check', 'fixtures/bad/log/valid.json', '--as-of', '2023-12-01'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = JSON.parse(/LOADED (.*)/.exec(r.stderr)![1]!) as string[];
    expect(loaded.some((f) => f.includes('/node_modules/json-rules-engine/'))).toBe(true); // the probe sees packages
    for (const heavy of ['/node_modules/ajv/dist/ajv.js', '/node_modules/ajv/dist/core.js', '/node_modules/yaml/', '/node_modules/jsonc-parser/', '/node_modules/ajv-i18n/']) {
      expect(loaded.filter((f) => f.includes(heavy))).toEqual([]);
    }
  });
});

describe('the standalone case-log validators', () => {
  // Inside the project, so that the generated code's require('ajv/dist/runtime/…') resolves.
  mkdirSync('node_modules/.cache', { recursive: true });
  const file = resolve(mkdtempSync('node_modules/.cache/xuncha-standalone-'), 'validators.cjs');
  writeStandalone(file);
  const standalone = loadStandalone(file, schemaFingerprint())!;

  it('give the same problems as the compiled schema, for every log in fixtures/bad', () => {
    const logs = readdirSync('fixtures/bad/log').filter((f) => f.endsWith('.json'));
    expect(logs.length).toBeGreaterThan(40);
    let compared = 0;
    for (const f of logs) {
      let data: unknown;
      try { data = JSON.parse(readFileSync(join('fixtures/bad/log', f), 'utf8').replace(/^\uFEFF/, '')); } catch { continue; }
      for (const [ref, name] of Object.entries(STANDALONE)) {
        const subject = ref.includes('#') ? ((data as { events?: unknown[] })?.events?.[0] ?? data) : data;
        const locate = () => ({ line: 1, column: 1 });
        expect(schemaProblems(standalone[name]!, subject, f, locate)).toEqual(schemaProblems(compiler().getSchema(ref)!, subject, f, locate));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('are not used once the schema has changed since the build', () => {
    expect(loadStandalone(file, 'another fingerprint')).toBeNull();
    expect(loadStandalone(join(tmpdir(), 'no-such-validators.cjs'), schemaFingerprint())).toBeNull();
    expect(Object.keys(standalone)).toEqual(expect.arrayContaining(Object.values(STANDALONE)));
  });
});
