// xuncha rulebook: every article of the source in document order with its duties in words, and,
// apart, every interpretation and anomaly for legal review.
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escHtml, escMd } from '../src/report/markup.js';
import { ROOT, rules, xuncha } from './helpers.js';

const rs = rules.rulesets[0]!;
/** Article ids as the source marks them, at the start of a line: **[二(一)1]** … */
const SOURCE_IDS = [...readFileSync(`${ROOT}rules/rulesets/wuxun-2023-20/source.md`, 'utf8').matchAll(/^\*\*\[([^\]]+)\]\*\*/gm)].map((m) => m[1]!);
const INTERPRETATIONS = rs.parameters.filter((p) => p.interpretation);

describe('xuncha rulebook', () => {
  const html = xuncha(['rulebook']);
  const md = xuncha(['rulebook', '--format', 'md']);

  it('the source has the 60 article ids of 舞巡〔2023〕20号', () => {
    expect(SOURCE_IDS).toHaveLength(60);
    expect(new Set(SOURCE_IDS).size).toBe(60);
  });

  it('html: every article of the source, in document order, with its verbatim text', () => {
    expect(html.code).toBe(0);
    expect(html.stderr).toBe('');
    expect([...html.stdout.matchAll(/data-article="([^"]+)"/g)].map((m) => m[1])).toEqual(SOURCE_IDS);
    for (const a of rs.articles) for (const line of a.text.split('\n')) expect(html.stdout).toContain(`<p>${escHtml(line)}</p>`);
  });

  it('html: every duty, and every named interpretation and anomaly in the review section', () => {
    const review = html.stdout.slice(html.stdout.indexOf('<section class="review"'));
    for (const d of rs.duties) expect(html.stdout).toContain(`data-duty="${escHtml(d.id)}"`);
    expect(INTERPRETATIONS.length).toBeGreaterThan(0);
    for (const p of INTERPRETATIONS) {
      expect(review).toContain(`data-param="${escHtml(p.name)}"`);
      expect(review).toContain(escHtml(p.wording));
    }
    for (const a of rs.articles.filter((x) => x.anomaly)) expect(review).toContain(`data-anomaly="${escHtml(a.id)}"`);
    expect(html.stdout).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  });

  it('md: every article id, every duty title and every interpretation', () => {
    expect(md.code).toBe(0);
    expect([...md.stdout.matchAll(/^#### (.+)$/gm)].map((m) => m[1])).toEqual(SOURCE_IDS.map(escMd));
    for (const d of rs.duties) expect(md.stdout).toContain(escMd(d.title));
    for (const p of INTERPRETATIONS) expect(md.stdout).toContain(`- **${escMd(p.name)}**：原文“${escMd(p.wording)}”`);
  });

  it('explains a duty in words: who, by when, counted how, with what severity', () => {
    const d = rs.duties.find((x) => x.id === 'shenjiju.inquiry.answer')!;
    const block = html.stdout.slice(html.stdout.indexOf(`data-duty="${d.id}"`)).split('</table>')[0]!;
    expect(block).toContain('<th>责任方</th><td>县审计局</td>');
    expect(block).toContain('自“收到函询”之日起3个工作日内完成“向巡察办提供函询材料”');
    expect(block).toContain('开始当日不计入（民法典第二百零一条）');
    expect(block).toContain('违规：硬性要求');
    expect(block).toContain('<th>追责条款</th><td>三(三)</td>');
  });

  it('--out writes the file; a wrong format is an input error', () => {
    mkdirSync(`${ROOT}test-output`, { recursive: true });
    const r = xuncha(['rulebook', '--out', 'test-output/rulebook-cli.md', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已生成规则手册：test-output/rulebook-cli.md\n');
    expect(readFileSync(`${ROOT}test-output/rulebook-cli.md`, 'utf8')).toBe(md.stdout);
    const bad = xuncha(['rulebook', '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('不支持的格式 "pdf"');
  });
});
