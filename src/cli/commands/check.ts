// xuncha check <log…>: read → validate → evaluate each log (every input problem comes out at once),
// each result handed to the report as it comes. The pipeline itself is src/check.ts.
import { stdoutIsTerminal, type Command } from '../command.js';
import { checkFiles } from '../../check.js';
import { STDIN } from '../../model/display-path.js';
import { InputError } from '../../model/problem.js';
import { FORMATS, reportFor } from '../../report/index.js';
import { setup } from '../setup.js';

export interface CheckOptions {
  logs: string[];
  asOf: string;
  format: string;
  rules?: string;
  estimateUncovered: boolean;
  maxBytes?: number;
  maxEvents?: number;
  /** Indent JSON output (json, sarif), for a reader at a terminal. */
  indent?: boolean;
}

export async function check(o: CheckOptions): Promise<{ output: string; exitCode: number }> {
  if (!FORMATS[o.format]) throw new InputError([{ file: '--format', pointer: '', message: `不支持的格式 "${o.format}"；可用：${Object.keys(FORMATS).join('、')}。` }]);
  const checker = await setup(o.rules, o.estimateUncovered);
  const report = reportFor(o.format, checker.rules, { indent: o.indent })!;
  let violated = false;
  await checkFiles(o.logs, checker, {
    asOf: o.asOf, ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}), ...(o.maxEvents ? { maxEvents: o.maxEvents } : {}),
  }, (r) => {
    violated ||= r.summary.violation > 0;
    report.add(r);
  });
  return { output: report.end(), exitCode: violated ? 1 : 0 };
}

export const checkCommand: Command = {
  name: 'check',
  usage: `xuncha check <日志.json…> [--as-of YYYY-MM-DD] [--format ${Object.keys(FORMATS).join('|')}] [--rules 目录] [--estimate-uncovered] [--exit-zero] [--max-bytes N] [--max-events N]`,
  options: {
    'as-of': { type: 'string' },
    format: { type: 'string', default: 'text' },
    rules: { type: 'string' },
    'estimate-uncovered': { type: 'boolean', default: false },
    'exit-zero': { type: 'boolean', default: false },
    'max-bytes': { type: 'string' },
    'max-events': { type: 'string' },
  },
  jsonErrors: (v) => v['format'] === 'json',
  async run(values, positionals) {
    if (positionals.length === 0) throw new InputError([{ file: 'xuncha check', pointer: '', message: '请给出至少一个案卷日志文件（JSON）。' }]);
    const maxBytes = positiveInt(values, 'max-bytes', '字节数');
    const maxEvents = positiveInt(values, 'max-events', '事件个数');
    const r = await check({
      logs: positionals.map((f) => (f === '-' ? STDIN : f)),
      asOf: (values['as-of'] as string | undefined) ?? today(),
      format: values['format'] as string,
      ...(values['rules'] ? { rules: values['rules'] as string } : {}),
      estimateUncovered: values['estimate-uncovered'] === true,
      indent: stdoutIsTerminal(),
      ...(maxBytes ? { maxBytes } : {}),
      ...(maxEvents ? { maxEvents } : {}),
    });
    return values['exit-zero'] ? { ...r, exitCode: 0 } : r;
  },
};

function positiveInt(values: Record<string, unknown>, name: string, what: string): number | undefined {
  const raw = values[name] as string | undefined;
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^[0-9]+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n <= 0) {
    throw new InputError([{ file: `--${name}`, pointer: '', message: `--${name} 应为正整数（${what}），实际为 "${raw}"。` }]);
  }
  return n;
}

/** Today in the machine's local time zone: the clerk's today. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
