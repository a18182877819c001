// xuncha rulebook [--out FILE] [--format html|md]: the rules as a document for legal staff.
import { RULES_OPTION, type Command } from '../command.js';
import { fileLabel } from '../../model/display-path.js';
import { InputError } from '../../model/problem.js';
import { rulebook, type RulebookFormat } from '../../report/rulebook.js';
import { writeOutput } from '../output.js';
import { setup } from '../setup.js';

const FORMATS: readonly RulebookFormat[] = ['html', 'md'];

export const rulebookCommand: Command = {
  name: 'rulebook',
  summary: '生成供法规审核的规则手册：原文逐条列出，附各项义务的白话说明、解释参数和原文瑕疵。',
  options: {
    out: { type: 'string', value: '文件', help: '写入此文件；不给时输出到标准输出' },
    format: { type: 'string', default: 'html', value: FORMATS.join('|'), help: '手册格式' },
    rules: RULES_OPTION,
  },
  async run(values) {
    const format = values['format'] as string;
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new InputError([{ file: '--format', pointer: '', message: `不支持的格式 "${format}"；可用：${FORMATS.join('、')}。` }]);
    }
    const { rules } = await setup(values['rules'] as string | undefined);
    const doc = rulebook(rules, format as RulebookFormat);
    const out = values['out'] as string | undefined;
    if (!out) return { output: doc, exitCode: 0 };
    writeOutput(out, doc);
    return { output: `已生成规则手册：${fileLabel(out)}\n`, exitCode: 0 };
  },
};
