// npm run gen -- --events N --seed S [--out DIR]: write generated round logs as JSON files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLogs } from './generate.js';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
});
const events = Number(values.events);
const seed = Number(values.seed);
if (!Number.isInteger(events) || events < 1 || !Number.isInteger(seed)) {
  process.stderr.write('用法：npm run gen -- --events N --seed S [--out 目录]（N、S 为整数）\n');
  process.exit(2);
}
const out = values.out ?? `test-output/gen-${events}-${seed}`;
mkdirSync(out, { recursive: true });
const logs = generateLogs({ events, seed });
logs.forEach((log, i) => writeFileSync(join(out, `round-${String(i + 1).padStart(4, '0')}.json`), JSON.stringify(log, null, 2) + '\n'));
process.stdout.write(`已生成 ${logs.length} 个案卷日志，共 ${events} 个事件：${out}\n`);
