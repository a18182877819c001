// The shape of a subcommand. main.ts parses arguments with each command's options, runs it, and
// turns its result or its InputError into output and an exit code.
import type { ParseArgsConfig } from 'node:util';

export interface CommandResult {
  /** What goes to stdout. */
  output: string;
  exitCode: number;
}

export interface Command {
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Input problems go to stdout as JSON when this returns true (e.g. --format json). */
  jsonErrors?(values: Record<string, unknown>): boolean;
  run(values: Record<string, unknown>, positionals: string[]): Promise<CommandResult>;
}

/** JSON output is indented when a person reads it at a terminal (report/json.ts jsonText). */
export function stdoutIsTerminal(): boolean {
  return process.stdout.isTTY === true;
}
