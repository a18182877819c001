// The shape of a subcommand. main.ts parses arguments with each command's options, runs it, and
// turns its result or its InputError into output and an exit code. Its usage line, its --help and
// the option list of a command-line error are all made from the same description (usage.ts).

export interface CommandResult {
  /** What goes to stdout. */
  output: string;
  exitCode: number;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  default?: string | boolean;
  /** What a string option's value looks like, in the usage line: YYYY-MM-DD, 目录, N. */
  value?: string;
  /** What the option does, in Chinese. */
  help: string;
}

export interface Command {
  name: string;
  /** What the command does, one line in Chinese. */
  summary: string;
  /** Its positional arguments as the usage line shows them ('<日志.json…>'); absent: it takes none. */
  args?: string;
  options: Record<string, OptionSpec>;
  /** Input problems go to stdout as JSON when this returns true (e.g. --format json). */
  jsonErrors?(values: Record<string, unknown>): boolean;
  run(values: Record<string, unknown>, positionals: string[]): Promise<CommandResult>;
}

/** --rules, which every command takes. */
export const RULES_OPTION: OptionSpec = { type: 'string', value: '目录', help: '规则目录；默认为随附的 rules/' };

/** JSON output is indented when a person reads it at a terminal (report/json.ts jsonText). */
export function stdoutIsTerminal(): boolean {
  return process.stdout.isTTY === true;
}
