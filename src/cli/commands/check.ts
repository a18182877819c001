// xuncha check <log…>: read → validate → evaluate each log (every input problem comes out at once),
// each result handed to the report as it comes. The pipeline itself is src/check.ts.
import { RULES_OPTION, stdoutIsTerminal, type Command } from '../command.js';
import { checkFiles } from '../../check.js';
import { STDIN } from '../../model/display-path.js';
import { InputError } from '../../model/problem.js';
import { DEFAULT_MAX_BYTES } from '../../load/text.js';
import { DEFAULT_MAX_EVENTS } from '../../validate/log.js';
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
  summary: '检查案卷日志（可给多个；- 表示从标准输入读取），按单位列出违规、提示和待办事项。',
  args: '<日志.json…>',
  options: {
    'as-of': { type: 'string', value: 'YYYY-MM-DD', help: '检查基准日；默认为今天' },
    format: {
      type: 'string', default: 'text', value: '格式',
      help: `报告格式，${Object.keys(FORMATS).join('、')} 之一（html 可打印，md 可粘贴到文档，json 供程序读取，sarif、junit 供 CI）`,
    },
    rules: RULES_OPTION,
    'estimate-uncovered': { type: 'boolean', help: '没有工作日历数据的年份按周末为休息日估算，rules/calendar 列有法定节日的（coverage: statutory）也计入（相关结论会注明）' },
    'exit-zero': { type: 'boolean', help: '有违规时也以退出码 0 结束（输入有误仍为 2）' },
    'max-bytes': { type: 'string', value: 'N', help: `每个日志文件的大小上限（字节）；默认 ${DEFAULT_MAX_BYTES}（100 MB）` },
    'max-events': { type: 'string', value: 'N', help: `每个日志的事件个数上限；默认 ${DEFAULT_MAX_EVENTS}` },
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
