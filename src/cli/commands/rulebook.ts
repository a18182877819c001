// xuncha rulebook [--out FILE] [--format html|md]: the rules as a document for legal staff.
import { writeFileSync } from 'node:fs';
import type { Command } from '../command.js';
import { InputError } from '../../model/problem.js';
import { rulebook, type RulebookFormat } from '../../report/rulebook.js';
import { setup } from '../setup.js';

const FORMATS: readonly RulebookFormat[] = ['html', 'md'];

export const rulebookCommand: Command = {
  name: 'rulebook',
  usage: 'xuncha rulebook [--out 文件] [--format html|md] [--rules 目录]',
  options: {
    out: { type: 'string' },
    format: { type: 'string', default: 'html' },
    rules: { type: 'string' },
  },
  async run(values, positionals) {
    if (positionals.length) {
      throw new InputError([{ file: 'xuncha rulebook', pointer: '', message: `多余的参数：${positionals.join(' ')}。输出文件请用 --out 指定。` }]);
    }
    const format = values['format'] as string;
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new InputError([{ file: '--format', pointer: '', message: `不支持的格式 "${format}"；可用：${FORMATS.join('、')}。` }]);
    }
    const { rules } = await setup(values['rules'] as string | undefined);
    const doc = rulebook(rules, format as RulebookFormat);
    const out = values['out'] as string | undefined;
    if (!out) return { output: doc, exitCode: 0 };
    try {
      writeFileSync(out, doc);
    } catch (e) {
      throw new InputError([{ file: out, pointer: '', message: `无法写入文件：${(e as Error).message}` }]);
    }
    return { output: `已生成规则手册：${out}\n`, exitCode: 0 };
  },
};
