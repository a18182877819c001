// The xuncha command line. Exit codes: 0 no violation, 1 violations found (check) or a rule
// example failed (test), 2 invalid input (nothing evaluated), 3 an internal error.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InputError } from '../model/problem.js';
import { stdoutIsTerminal, type Command } from './command.js';
import { formatProblems, problemsJson } from './problems.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

// Each command is imported only when it runs: `xuncha --version` loads none of the checker, and
// `check` none of lint's or the rulebook's code.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./commands/check.js')).checkCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  coverage: async () => (await import('./commands/coverage.js')).coverageCommand,
  test: async () => (await import('./commands/test.js')).testCommand,
  rulebook: async () => (await import('./commands/rulebook.js')).rulebookCommand,
};

async function help(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return `xuncha ${pkg.version}：舞巡〔2023〕20号 巡察协作事项合规检查

用法：
${commands.map((c) => '  ' + c.usage).join('\n')}
  xuncha --version

退出码：0 无违规；1 有违规（check）或规则示例不通过（test）；2 输入有误（未检查）；3 内部错误。
`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(await help());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(pkg.version + '\n');
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(`xuncha：未知命令 "${name}"。\n\n${await help()}`);
    return 2;
  }
  const command = await load();
  let values: Record<string, unknown> = {};
  try {
    const parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: command.options });
    values = parsed.values;
    const { output, exitCode } = await command.run(values, parsed.positionals);
    process.stdout.write(output);
    return exitCode;
  } catch (e) {
    if (e instanceof InputError) {
      if (command.jsonErrors?.(values)) process.stdout.write(problemsJson(e.problems, stdoutIsTerminal()));
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
