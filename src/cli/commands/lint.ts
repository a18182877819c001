// xuncha lint: the rules folder against schemas/rules.schema.json and for meaning (article ids and
// verbatim text against the source, known events and agencies, unique ids, used parameters,
// json-rules-engine operators), plus completeness (every article covered, every duty with examples)
// and every example's events valid as a case log.
import type { Command } from '../command.js';
import { setup } from '../setup.js';

export const lintCommand: Command = {
  name: 'lint',
  usage: 'xuncha lint [--rules 目录]',
  options: { rules: { type: 'string' } },
  async run(values) {
    const { rules } = await setup(values['rules'] as string | undefined, false, true);
    const lines = rules.rulesets.map((rs) =>
      `规则集 ${rs.id}（版本 ${rs.version}，${rs.effective} 起施行）：${rs.articles.length} 条，${rs.duties.length} 项义务，${rs.parameters.length} 个参数，` +
      `${rs.duties.reduce((n, d) => n + d.examples.length, 0)} 个示例`);
    lines.push(`数据核对：${rules.consistency.length} 项，${rules.consistency.reduce((n, d) => n + d.examples.length, 0)} 个示例`);
    return { output: `xuncha lint：规则无误。\n${lines.join('\n')}\n`, exitCode: 0 };
  },
};
