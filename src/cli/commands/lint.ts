// xuncha lint: the rules folder against schemas/rules.schema.json and for meaning (article ids and
// verbatim text against the source, known events and agencies, unique ids, used parameters,
// json-rules-engine operators), plus completeness (every article covered, every duty with examples)
// and every example's events valid as a case log.
import { RULES_OPTION, type Command } from '../command.js';
import { examplesSummary } from '../examples.js';
import { setup } from '../setup.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: '检查规则文件：格式，条款编号和条文与原文一致，事件、单位、运算符、编号和参数。',
  options: { rules: RULES_OPTION },
  async run(values) {
    const { rules } = await setup(values['rules'] as string | undefined, false, true);
    const lines = rules.rulesets.map((rs) =>
      `规则集 ${rs.id}（版本 ${rs.version}，${rs.effective} 起施行）：${rs.articles.length} 条，${rs.parameters.length} 个参数`);
    lines.push(examplesSummary(rules));
    return { output: `xuncha lint：规则无误。\n${lines.join('\n')}\n`, exitCode: 0 };
  },
};
