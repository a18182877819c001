// What the command line says about itself, in Chinese: `xuncha --help`, `xuncha <命令> --help`, and
// the option list under a command-line error, all made from each command's description.
import type { Command, OptionSpec } from './command.js';

export const EXIT_CODES = '退出码：0 无违规；1 有违规（check）或规则示例不通过（test）；2 输入有误（未检查）或无法写入输出文件；3 内部错误。';

/** Every command's --help / -h, added by args.ts. */
export const HELP_OPTION: OptionSpec = { type: 'boolean', help: '显示本命令的说明' };

/** The full usage line: `xuncha check <日志.json…> [--as-of YYYY-MM-DD] …`. */
export function usageLine(c: Command): string {
  const options = Object.entries(c.options).map(([name, o]) => `[${optionWords(name, o)}]`);
  return ['xuncha', c.name, ...(c.args ? [c.args] : []), ...options].join(' ');
}

/** `xuncha --help`: every command's usage line. */
export function mainHelp(version: string, commands: readonly Command[]): string {
  return `xuncha ${version}：舞巡〔2023〕20号 巡察协作事项合规检查

用法：
${commands.map((c) => '  ' + usageLine(c)).join('\n')}
  xuncha --version
  xuncha <命令> --help      查看该命令的说明和选项

${EXIT_CODES}
`;
}

/** `xuncha <命令> --help`. */
export function commandHelp(c: Command): string {
  return `xuncha ${c.name}：${c.summary}

${usageBlock(c)}
${EXIT_CODES}
`;
}

/** The short usage line, then every option with what it does, one a line, aligned. */
export function usageBlock(c: Command): string {
  const rows: [string, string][] = Object.entries(c.options).map(([name, o]) => [optionWords(name, o), describe(o)]);
  rows.push(['-h, --help', HELP_OPTION.help]);
  const width = Math.max(...rows.map(([left]) => displayWidth(left)));
  return `用法：xuncha ${c.name}${c.args ? ' ' + c.args : ''} [选项]\n选项：\n${rows.map(([left, help]) => `  ${left}${' '.repeat(width - displayWidth(left) + 2)}${help}`).join('\n')}\n`;
}

function optionWords(name: string, o: OptionSpec): string {
  return o.type === 'string' ? `--${name} ${o.value ?? '值'}` : `--${name}`;
}

function describe(o: OptionSpec): string {
  return typeof o.default === 'string' ? `${o.help}；默认 ${o.default}` : o.help;
}

/** Columns at a terminal: a Chinese character takes two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x1100 && ch !== '…' ? 2 : 1;
  return w;
}
