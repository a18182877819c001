// The xuncha command line. Exit codes: 0 no violation, 1 violations found (check) or a rule
// example failed (test), 2 invalid input (nothing evaluated), 3 an internal error.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InputError } from '../model/problem.js';
import type { Command } from './command.js';
import { checkCommand } from './commands/check.js';
import { rulebookCommand } from './commands/rulebook.js';
import { coverageCommand } from './commands/coverage.js';
import { lintCommand } from './commands/lint.js';
import { testCommand } from './commands/test.js';
import { formatProblems, problemsJson } from './problems.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const COMMANDS: Command[] = [checkCommand, lintCommand, coverageCommand, testCommand, rulebookCommand];

function help(): string {
  return `xuncha ${pkg.version}：舞巡〔2023〕20号 巡察协作事项合规检查

用法：
${COMMANDS.map((c) => '  ' + c.usage).join('\n')}
  xuncha --version

退出码：0 无违规；1 有违规（check）或规则示例不通过（test）；2 输入有误（未检查）；3 内部错误。
`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(help());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(pkg.version + '\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`xuncha：未知命令 "${name}"。\n\n${help()}`);
    return 2;
  }
  let values: Record<string, unknown> = {};
  try {
    const parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: command.options });
    values = parsed.values;
    const { output, exitCode } = await command.run(values, parsed.positionals);
    process.stdout.write(output);
    return exitCode;
  } catch (e) {
    if (e instanceof InputError) {
      if (command.jsonErrors?.(values)) process.stdout.write(problemsJson(e.problems));
      else process.stderr.write(formatProblems(e.problems));
      return 2;
    }
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`xuncha：命令行参数有误：${(e as Error).message}\n用法：${command.usage}\n`);
      return 2;
    }
    const debug = process.env['XUNCHA_DEBUG'] ? '\n' + (e as Error).stack : '（设置 XUNCHA_DEBUG=1 可显示调用栈）';
    process.stderr.write(`xuncha 内部错误：${(e as Error).message}\n请将此信息报告给开发人员。${debug}\n`);
    return 3;
  }
}
