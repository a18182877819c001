// The xuncha command line. Exit codes: 0 no violation, 1 violations found (check) or a rule
// example failed (test), 2 invalid input (nothing evaluated), 3 an internal error.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InputError } from '../model/problem.js';
import { check } from './check.js';
import { formatProblems, problemsJson } from './problems.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const HELP = `xuncha ${pkg.version}：舞巡〔2023〕20号 巡察协作事项合规检查

用法：
  xuncha check <日志.json…> [--as-of YYYY-MM-DD] [--format text|json] [--rules 目录]
                            [--estimate-uncovered] [--exit-zero] [--max-bytes N]
  xuncha --version

退出码：0 无违规；1 有违规；2 输入有误（未检查）；3 内部错误。
`;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(pkg.version + '\n');
    return 0;
  }
  let jsonErrors = false;
  try {
    if (command === 'check') {
      const { values, positionals } = parseArgs({
        args: rest, allowPositionals: true, strict: true,
        options: {
          'as-of': { type: 'string' },
          format: { type: 'string', default: 'text' },
          rules: { type: 'string' },
          'estimate-uncovered': { type: 'boolean', default: false },
          'exit-zero': { type: 'boolean', default: false },
          'max-bytes': { type: 'string' },
        },
      });
      jsonErrors = values.format === 'json';
      if (positionals.length === 0) throw new InputError([{ file: 'xuncha check', pointer: '', message: '请给出至少一个案卷日志文件（JSON）。' }]);
      const maxBytes = values['max-bytes'] === undefined ? undefined : Number(values['max-bytes']);
      if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
        throw new InputError([{ file: '--max-bytes', pointer: '', message: `--max-bytes 应为正整数（字节数），实际为 "${values['max-bytes']}"。` }]);
      }
      const { output, exitCode } = await check({
        logs: positionals, asOf: values['as-of'] ?? today(), format: values.format!,
        ...(values.rules ? { rules: values.rules } : {}), estimateUncovered: values['estimate-uncovered']!,
        ...(maxBytes ? { maxBytes } : {}),
      });
      process.stdout.write(output);
      return values['exit-zero'] ? 0 : exitCode;
    }
    process.stderr.write(`xuncha：未知命令 "${command}"。\n\n${HELP}`);
    return 2;
  } catch (e) {
    if (e instanceof InputError) {
      if (jsonErrors) process.stdout.write(problemsJson(e.problems));
      else process.stderr.write(formatProblems(e.problems));
      return 2;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`xuncha：命令行参数有误：${e.message}\n\n${HELP}`);
      return 2;
    }
    process.stderr.write(`xuncha 内部错误：${(e as Error).message}\n请将此信息报告给开发人员。${process.env['XUNCHA_DEBUG'] ? '\n' + (e as Error).stack : '（设置 XUNCHA_DEBUG=1 可显示调用栈）'}\n`);
    return 3;
  }
}

