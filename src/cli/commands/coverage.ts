// xuncha coverage: every article of the source in document order, with the rules that encode it
// or the reason it cannot be checked. Exit 2 when an article of the source is missing.
import type { Ruleset } from '../../model/rules.js';
import { InputError } from '../../model/problem.js';
import { RULES_OPTION, stdoutIsTerminal, type Command } from '../command.js';
import { jsonText } from '../../report/json.js';
import { setup } from '../setup.js';

export interface CoverageRow { article: string; rules: string[]; reason: string | null }

export function coverage(rs: Ruleset): CoverageRow[] {
  const byId = new Map(rs.articles.map((a) => [a.id, a]));
  return rs.sourceArticles.map((id) => {
    const a = byId.get(id);
    return { article: id, rules: a ? a.duties.map((d) => d.id) : [], reason: a?.reason ?? null };
  });
}

export const coverageCommand: Command = {
  name: 'coverage',
  summary: '列出原文的每一条款，及编码它的规则或无法检查的理由；有条款缺失时退出码为 2。',
  options: {
    format: { type: 'string', default: 'text', value: 'text|json', help: '输出格式' },
    rules: RULES_OPTION,
  },
  jsonErrors: (v) => v['format'] === 'json',
  async run(values) {
    const format = values['format'] as string;
    if (format !== 'text' && format !== 'json') {
      throw new InputError([{ file: '--format', pointer: '', message: `不支持的格式 "${format}"；可用：text、json。` }]);
    }
    const { rules } = await setup(values['rules'] as string | undefined);
    const rs = rules.rulesets[rules.rulesets.length - 1]!;
    const rows = coverage(rs);
    const missing = rows.filter((r) => r.rules.length === 0 && r.reason === null);
    if (format === 'json') return { output: jsonText({ articles: rows }, stdoutIsTerminal()), exitCode: missing.length ? 2 : 0 };
    const width = Math.max(...rows.map((r) => r.article.length));
    const lines = rows.map((r) => {
      const id = r.article.padEnd(width + 1, '　');
      if (r.rules.length) return `${id} ${r.rules.join('、')}`;
      if (r.reason) return `${id} 无法检查：${r.reason}`;
      return `${id} ✗ 未编码`;
    });
    const checked = rows.filter((r) => r.rules.length).length;
    const none = rows.filter((r) => !r.rules.length && r.reason).length;
    lines.push('', `共 ${rows.length} 条：已编码 ${checked} 条，无法检查并说明理由 ${none} 条，缺失 ${missing.length} 条。`);
    return { output: lines.join('\n') + '\n', exitCode: missing.length ? 2 : 0 };
  },
};
