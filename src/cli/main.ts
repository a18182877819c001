// The xuncha command line. Exit codes: 0 no violation, 1 violations found (check) or a rule
// example failed (test), 2 invalid input (nothing evaluated) or an output file that cannot be
// written, 3 an internal error.
import { readFileSync } from 'node:fs';
import { InputError } from '../model/problem.js';
import { closest } from '../model/spelling.js';
import { parseCommandArgs, UsageError } from './args.js';
import { stdoutIsTerminal, type Command } from './command.js';
import { OutputError } from './output.js';
import { formatProblems, problemsJson } from './problems.js';
import { commandHelp, mainHelp } from './usage.js';

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
  return mainHelp(pkg.version, await Promise.all(Object.values(COMMANDS).map((load) => load())));
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
    const guess = closest(name, Object.keys(COMMANDS));
    process.stderr.write(`xuncha：未知命令 "${name}"${guess ? `；是否应为 ${guess}？` : '。'}\n\n${await help()}`);
    return 2;
  }
  const command = await load();
  let values: Record<string, unknown> = {};
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.help) {
      process.stdout.write(commandHelp(command));
      return 0;
    }
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
    if (e instanceof UsageError || e instanceof OutputError) {
      process.stderr.write(e.message);
      return 2;
    }
    const debug = process.env['XUNCHA_DEBUG'] ? '\n' + (e as Error).stack : '（设置 XUNCHA_DEBUG=1 可显示调用栈）';
    process.stderr.write(`xuncha 内部错误：${(e as Error).message}\n请将此信息报告给开发人员。${debug}\n`);
    return 3;
  }
}
