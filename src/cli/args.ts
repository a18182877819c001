// A command's arguments, read with node:util parseArgs. Its errors are English and suggest
// nothing, so each is said again in Chinese: the error code says what went wrong, the tokens of a
// lenient second reading say which argument, and the command's options are listed beneath.
import { parseArgs } from 'node:util';
import { closest } from '../model/spelling.js';
import type { Command } from './command.js';
import { usageBlock } from './usage.js';

export type ParsedArgs =
  | { help: true }
  | { help: false; values: Record<string, unknown>; positionals: string[] };

/** A command line that cannot be read: main.ts prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

export function parseCommandArgs(c: Command, args: string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; default?: string | boolean; short?: string }> = {};
  for (const [name, o] of Object.entries(c.options)) options[name] = o.default === undefined ? { type: o.type } : { type: o.type, default: o.default };
  options['help'] = { type: 'boolean', short: 'h' };
  const config = { args, options, allowPositionals: c.args !== undefined };
  // The lenient reading never throws (positionals allowed too); --help on it wins over any other
  // mistake on the line, since it is how one finds out what is right.
  const { tokens } = parseArgs({ ...config, allowPositionals: true, strict: false, tokens: true });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { help: true };
  try {
    const { values, positionals } = parseArgs({ ...config, strict: true });
    return { help: false, values, positionals };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!code?.startsWith('ERR_PARSE_ARGS_')) throw e;
    const what = explain(code, c, args, tokens) ?? `无法识别（${(e as Error).message}）。`;
    throw new UsageError(`xuncha：命令行参数有误：${what}\n\n${usageBlock(c)}`);
  }
}

/** The Chinese for a parseArgs error, or undefined for a code this does not know. */
function explain(code: string, c: Command, args: string[], tokens: Token[]): string | undefined {
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const t = tokens.find((t) => t.kind === 'option' && !Object.hasOwn(c.options, t.name) && t.name !== 'help');
      if (!t) return undefined;
      // As typed, whole: "-as-of" was read as the short options -a -s -o -f.
      const written = args[t.index]!.split('=')[0]!;
      const guess = closest(written.replace(/^-+/, ''), Object.keys(c.options));
      return `xuncha ${c.name} 没有选项 ${written}${guess ? `；是否应为 --${guess}？` : '。'}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      for (const t of tokens) {
        if (t.kind !== 'option' || !Object.hasOwn(c.options, t.name)) continue;
        const o = c.options[t.name]!;
        if (o.type === 'boolean' && t.inlineValue) return `选项 --${t.name} 不带值：只写 --${t.name} 即可，不要写 ${args[t.index]}。`;
        if (o.type !== 'string') continue;
        const expected = `选项 --${t.name} 缺少值：应在其后给出${o.value ? ` ${o.value}` : '一个值'}（${o.help}）`;
        if (t.value === undefined) return `${expected}。`;
        if (!t.inlineValue && t.value.startsWith('-')) {
          return `${expected}，但其后的 ${t.value} 以 - 开头，是另一个选项；若值本身以 - 开头，请写作 --${t.name}=值。`;
        }
      }
      return undefined;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const t = tokens.find((t) => t.kind === 'positional');
      return t && `xuncha ${c.name} 不接受文件名等参数，多出了 "${t.value}"；它的输入输出都由下列选项给出。`;
    }
  }
  return undefined;
}
