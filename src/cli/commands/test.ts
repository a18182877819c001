// xuncha test: run every rule's examples. Exit 1 when one fails, so CI rejects a rule edit that
// changes a finding. --format junit prints a JUnit report for CI systems.
import { displayPath } from '../../model/display-path.js';
import { InputError } from '../../model/problem.js';
import type { Rules } from '../../model/rules.js';
import { RULES_OPTION, type Command } from '../command.js';
import { examplesSummary, runExamples, type ExampleResult } from '../examples.js';
import { setup } from '../setup.js';

export const testCommand: Command = {
  name: 'test',
  summary: '运行每条规则的示例；有示例不通过时退出码为 1。',
  options: {
    format: { type: 'string', default: 'text', value: 'text|junit', help: '输出格式（junit 供 CI 使用）' },
    rules: RULES_OPTION,
  },
  async run(values) {
    const format = values['format'] as string;
    if (format !== 'text' && format !== 'junit') {
      throw new InputError([{ file: '--format', pointer: '', message: `不支持的格式 "${format}"；可用：text、junit。` }]);
    }
    const { rules, cal } = await setup(values['rules'] as string | undefined);
    const results = await runExamples(rules, cal);
    const failed = results.filter((r) => r.failures.length);
    const output = format === 'junit' ? junit(results) : text(rules, results, failed);
    return { output, exitCode: failed.length ? 1 : 0 };
  },
};

function text(rules: Rules, results: ExampleResult[], failed: ExampleResult[]): string {
  const lines: string[] = [];
  for (const r of failed) {
    lines.push(`✗ ${r.duty.article} ${r.duty.id}：${r.example.name}`);
    lines.push(`  ${displayPath(r.where.file)}:${r.where.line}:${r.where.column}`);
    for (const f of r.failures) lines.push(`  ${f}`);
  }
  lines.push(`xuncha test：${examplesSummary(rules)}`);
  lines.push(`${results.length - failed.length} passed, ${failed.length} failed`);
  return lines.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function junit(results: ExampleResult[]): string {
  const failures = results.filter((r) => r.failures.length).length;
  const cases = results.map((r) => {
    const head = `    <testcase classname="${esc(`${r.duty.article} ${r.duty.id}`)}" name="${esc(r.example.name)}" file="${esc(displayPath(r.where.file))}" line="${r.where.line}"`;
    if (!r.failures.length) return `${head}/>`;
    return `${head}>\n      <failure message="${esc(r.failures[0]!)}">${esc(r.failures.join('\n'))}</failure>\n    </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="xuncha rule examples" tests="${results.length}" failures="${failures}">\n` +
    `  <testsuite name="rule examples" tests="${results.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
