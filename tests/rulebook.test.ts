// xuncha rulebook: every article of the source in document order with its duties in words, and,
// apart, every interpretation and anomaly for legal review.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot, writeSnapshot } from '../src/load/snapshot.js';
import { sourceArticles } from '../src/load/source-articles.js';
import { conditionZh } from '../src/model/condition-words.js';
import { dutyWords } from '../src/report/duty-words.js';
import { escHtml, escMd } from '../src/report/markup.js';
import { rulebook } from '../src/report/rulebook.js';
import { ROOT, rules, xuncha } from './helpers.js';

const rs = rules.rulesets[0]!;
/** Article ids as the source marks them, at the start of a line: **[二(一)1]** … */
const SOURCE_IDS = [...readFileSync(`${ROOT}rules/rulesets/wuxun-2023-20/source.md`, 'utf8').matchAll(/^\*\*\[([^\]]+)\]\*\*/gm)].map((m) => m[1]!);
const INTERPRETATIONS = rs.parameters.filter((p) => p.interpretation);
const duty = (id: string) => rs.duties.find((d) => d.id === id)!;

/** One duty's table in the HTML rulebook, as [heading, text] rows with markup and escapes undone. */
function htmlRows(html: string, id: string): [string, string][] {
  const block = html.slice(html.indexOf(`data-duty="${escHtml(id)}"`)).split('</table>')[0]!;
  const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, x: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[x]!);
  return [...block.matchAll(/<tr><th>(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)].map((m) => [text(m[1]!), text(m[2]!)]);
}

/** The same duty's table in the Markdown rulebook: the rows under its heading, backslash escapes undone.
 *  `idRow` is its last row's heading: 义务编号, or 核对项编号 for a 数据核对 check. */
function mdRows(md: string, id: string, idRow = '义务编号'): [string, string][] {
  const lines = md.slice(0, md.indexOf(`| ${idRow} | ${escMd(id)} |`)).split('\n');
  const table = lines.slice(lines.findLastIndex((l) => l === '|---|---|') + 1, -1).concat(`| ${idRow} | ${escMd(id)} |`);
  const text = (s: string) => s.replace(/\\(.)/g, '$1');
  return table.map((l) => {
    const m = /^\| (.*?) \| (.*) \|$/.exec(l)!;
    return [text(m[1]!), text(m[2]!)];
  });
}

const row = (rows: [string, string][], k: string) => rows.find(([h]) => h === k)?.[1];

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

  it('a limit says whether it adds up every act or counts the latest only (over: latest)', () => {
    expect(row(htmlRows(html.stdout, 'xunchazu.personal-check.at-most-2-per-unit'), '时限与要求'))
      .toBe('每个被巡察单位的“确定拟核查个人有关事项报告人选”涉及人员累计不超过2人');
    const latest = '每个行为单位的“指定联络科室和联络人”以最近一次为准（后一次取代此前各次，此前的不计入；同一日有多次的，一并计入），涉及人员不超过1人';
    expect(row(htmlRows(html.stdout, 'liaison.one-person'), '时限与要求')).toBe(latest);
    expect(row(mdRows(md.stdout, 'liaison.one-person'), '时限与要求')).toBe(latest);
    // The default, written or not, reads as before.
    const d = duty('liaison.one-person');
    expect(dutyWords({ ...d, limit: { ...d.limit!, over: 'all' } }, rules).when).toBe('每个行为单位的“指定联络科室和联络人”涉及人员累计不超过1人');
  });

  it('a duty\'s note (说明) stands right after its table, in both formats, as an article\'s note does', () => {
    const inline = '原文未规定期限；核查结果供本轮巡察使用，至迟应在巡察结束前提供巡察组，此为解释，故为提示。';
    const fromPattern = '原文“巡察办登记备案后将有关函询材料分送巡察组”未规定期限；函询材料供本轮巡察使用，至迟应在巡察结束前分送，此为解释，故为提示。';
    expect(duty('xunchaban.personal-check.distributed-before-round-ends').note).toBe(inline);
    // A pattern's note goes with every duty the pattern makes.
    const patterned = rs.duties.filter((d) => d.id.endsWith('.inquiry.distributed-before-round-ends'));
    expect(patterned.map((d) => d.id)).toEqual(expect.arrayContaining(['jiwei.inquiry.distributed-before-round-ends', 'shenjiju.inquiry.distributed-before-round-ends']));
    for (const d of patterned) expect(d.note, d.id).toBe(fromPattern);
    for (const [id, note] of [['xunchaban.personal-check.distributed-before-round-ends', inline], ['jiwei.inquiry.distributed-before-round-ends', fromPattern]] as const) {
      const afterTable = html.stdout.slice(html.stdout.indexOf(`data-duty="${id}"`)).split('</table>')[1]!;
      expect(afterTable.startsWith(`<p class="facts"><b>说明：</b>${escHtml(note)}</p></div>`), id).toBe(true);
      expect(md.stdout, id).toContain(`| 义务编号 | ${escMd(id)} |\n\n**说明：**${escMd(note)}\n\n`);
    }
    const withNote = rs.duties.filter((d) => d.note !== null).length;
    expect(withNote).toBe(patterned.length + 1);
    const checksWithNote = rules.consistency.filter((d) => d.note !== null).length;
    expect(md.stdout.split('**说明：**').length - 1).toBe(withNote + rs.articles.filter((a) => a.note).length + checksWithNote);
  });

  it('a wrapped Chinese note reads without a space where its lines were joined (talent-pool-stated)', () => {
    const note = rs.parameters.find((p) => p.name === 'talent-pool-stated')!.note;
    expect(note).toContain('注明了所属人才库的单位（talentPool）的，须为该部分所指单位');
    for (const out of [html.stdout, md.stdout]) {
      expect(out).toContain('注明了所属人才库的单位（talentPool）的，须为该部分所指单位');
      expect(out).not.toContain('， 须为');
      // A break beside an ASCII word keeps its space (2-13-shenjiju.yaml, 二(十三)2's note).
      expect(out).toContain('项目名称分别记入 involvedUnits');
    }
  });

  it('the prebuilt snapshot a check reads gives the same rulebook, notes included, as the rule files', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xuncha-snapshot-')), 'rules.snapshot.json');
    writeSnapshot(file, rules, 'print');
    const snap = readSnapshot(file, 'print')!;
    expect(snap.rulesets[0]!.parameters.find((p) => p.name === 'talent-pool-stated')!.note).toContain('（talentPool）的，须为');
    expect(rulebook(snap, 'md')).toBe(rulebook(rules, 'md'));
    expect(rulebook(snap, 'html')).toBe(rulebook(rules, 'html'));
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

  describe('数据核对: the checks of rules/consistency.yaml, after the articles and before the review', () => {
    const section = (out: string) => out.slice(out.indexOf('<section class="consistency"'), out.indexOf('<section class="review"'));

    it('html: a section after the last article, with what 数据核对 is and every check in the order of the file', () => {
      const out = html.stdout;
      expect(rules.consistency.length).toBeGreaterThan(0);
      const lastArticle = out.lastIndexOf('<section class="article"');
      expect(out.indexOf('<section class="consistency" id="consistency-wuxun-2023-20"><h2>数据核对</h2>')).toBeGreaterThan(lastArticle);
      expect(section(out)).toContain(`<p>${escHtml(rules.consistencyText)}</p>`);
      expect(rules.consistencyText).toMatch(/^数据核对不是舞巡〔2023〕20号的条款/);
      expect([...section(out).matchAll(/data-duty="([^"]+)"/g)].map((x) => x[1])).toEqual(rules.consistency.map((d) => d.id));
      expect([...section(out).matchAll(/<h3>核对项 (\d+)：/g)].map((x) => Number(x[1]))).toEqual(rules.consistency.map((_, i) => i + 1));
    });

    it('html: the header links to it, and the link has its target', () => {
      expect(html.stdout).toContain(`<dt>数据核对</dt><dd><a href="#consistency-wuxun-2023-20">核对项 ${rules.consistency.length} 项：不是原文条款，案卷记录彼此矛盾时只作提示</a></dd><dt>供法律审核</dt>`);
    });

    it('a check reads as a duty does, without an article\'s quote or accountability, and the same in both formats', () => {
      const id = 'consistency.answer-before-receipt';
      const h = htmlRows(html.stdout, id);
      expect(h.map(([k]) => k)).toEqual(['责任方', '做什么', '适用范围', '时限与要求', '如何计算', '性质', '核对项编号']);
      expect(row(h, '时限与要求')).toBe('须先有同一事项（文号或编号相同）的“收到函询”，然后才能“向巡察办提供函询材料”（同日亦可）');
      expect(row(h, '性质')).toBe('提示（数据核对）：案卷记录彼此矛盾，只作提示，供核对、更正记录，不作为违规判定的依据');
      expect(row(h, '核对项编号')).toBe(id);
      for (const d of rules.consistency) expect(mdRows(md.stdout, d.id, '核对项编号'), d.id).toEqual(htmlRows(html.stdout, d.id));
      expect(md.stdout).toContain(`## 数据核对\n\n${escMd(rules.consistencyText)}\n\n### 核对项 1：${escMd(rules.consistency[0]!.title)}\n`);
      expect(md.stdout.indexOf('## 数据核对')).toBeGreaterThan(md.stdout.lastIndexOf('\n#### '));
      expect(md.stdout.indexOf('## 数据核对')).toBeLessThan(md.stdout.indexOf('## 供法律审核'));
      expect(md.stdout).toContain(`- **数据核对**：核对项 ${rules.consistency.length} 项：不是原文条款，案卷记录彼此矛盾时只作提示（见“数据核对”一节）\n`);
    });

    it('a check\'s note (说明) stands after its table, escaped; its accountability clause when it names one', () => {
      const note = '仅核对日期先后 <b>&"</b>';
      const edited = { ...rules, consistency: rules.consistency.map((d, i) => (i === 1 ? { ...d, note, accountability: '三(三)' } : d)) };
      const id = rules.consistency[1]!.id;
      const out = rulebook(edited, 'html');
      expect(out.slice(out.indexOf(`data-duty="${id}"`)).split('</table>')[1]!.startsWith(`<p class="facts"><b>说明：</b>${escHtml(note)}</p></div>`)).toBe(true);
      expect(out).not.toContain('<b>&"</b>');
      expect(row(htmlRows(out, id), '追责条款')).toBe('三(三)');
      expect(rulebook(edited, 'md')).toContain(`| 核对项编号 | ${escMd(id)} |\n\n**说明：**${escMd(note)}\n\n`);
    });

    it('no section and no link without checks', () => {
      const none = rulebook({ ...rules, consistency: [] }, 'html');
      expect(none).not.toContain('数据核对');
      expect(rulebook({ ...rules, consistency: [] }, 'md')).not.toContain('## 数据核对');
    });
  });

  // Each duty says which events it covers: a duty must not read wider than what is checked.
  describe('scope: the where conditions and matter of every duty, in words', () => {
    it('二(十三)4: 本人前往 covers only 审计局\'s material that involves secrets', () => {
      const rows = htmlRows(html.stdout, 'xunchazu.audit-secret.read-in-person');
      expect(row(rows, '适用范围')).toBe('适用于：办理单位（actor）为县审计局，且涉及秘密事项（secret）为是的“向巡察组提供协助或书面资料”');
      expect(row(rows, '条件')).toBe('本人前往（inPerson）为是');
    });

    it('二(一)6: the two forwarding duties differ by the petitions they count from', () => {
      const afterRound = row(htmlRows(html.stdout, 'xunchaban.petition.forward-after-round'), '适用范围');
      const periodically = row(htmlRows(html.stdout, 'xunchaban.petition.forward-periodically'), '适用范围');
      const forwarded = '作为履行的只计接收单位（to）为县纪委监委的“转交纪委监委信访室办理”';
      expect(afterRound).toBe(`适用于：既不属于巡察组受理范围又不属于被巡察单位管辖范围（outOfScope）为是的“收到信访举报件”；${forwarded}`);
      expect(periodically).toBe(`适用于：非巡察期间收到（outsideRound）为是的“收到信访举报件”；${forwarded}`);
    });

    it('二(二)3: a start linked by unit is that unit\'s latest stationing', () => {
      const rows = htmlRows(html.stdout, 'xunchazu.personal-check.select-within-10-days');
      expect(row(rows, '时限与要求')).toBe('每次“确定拟核查个人有关事项报告人选”都须在该被巡察单位最近一次“巡察组进驻被巡察单位”后10天内进行');
      expect(row(rows, '适用范围')).toBe('适用于：所有“确定拟核查个人有关事项报告人选”');
    });

    it('二(二)1: 报到 covers only secondments under a letter 组织部 sent', () => {
      expect(row(htmlRows(html.stdout, 'zuzhibu.secondment.report-timely'), '适用范围'))
        .toBe('适用于：所有“确定人选”，但仅限其文号或编号下另有办理单位（actor）为县委组织部的“发函抽调/商请选派人员”的事项');
    });

    it('links other than the usual are said: 该被巡察单位的 report, 同一事项的 approval, 本轮 round end', () => {
      expect(row(htmlRows(html.stdout, 'jiwei.supervision.report-3-months'), '时限与要求'))
        .toBe('自“集中整改期结束”之日起3个月内完成该被巡察单位的“向领导小组报送巡察整改监督情况”');
      expect(row(htmlRows(html.stdout, 'shenjiju.assistance.letter-after-approval'), '时限与要求'))
        .toBe('须先有同一事项（文号或编号相同）的“巡察办按照程序报批同意”，然后才能“巡察办函请协助或提供信息”（同日亦可）');
      expect(row(htmlRows(html.stdout, 'jiwei.inquiry.sent-before-stationing'), '时限与要求'))
        .toBe('“巡察办发出函询”须在该被巡察单位（未写明被巡察单位的，本轮）首次“巡察组进驻被巡察单位”之前（当日不算）');
    });

    it('every duty has a scope row, in both formats, and both formats say the same thing', () => {
      for (const d of rs.duties) {
        const h = htmlRows(html.stdout, d.id);
        expect(row(h, '适用范围'), d.id).toMatch(/^适用于：/);
        expect(row(h, '适用范围'), d.id).toBe(dutyWords(d, rules).scope);
        expect(mdRows(md.stdout, d.id), d.id).toEqual(h);
      }
    });
  });

  describe('责任方 of a duty owed by whoever acts', () => {
    it('says whose act it is rather than only 行为人本身', () => {
      for (const id of ['zuzhibu.secondment.request-authorised', 'shenjiju.secondment.request-authorised']) {
        expect(row(htmlRows(html.stdout, id), '责任方')).toBe('行为人本身：发函抽调人员的单位（即案卷日志中“发函抽调/商请选派人员”的办理单位）');
      }
      expect(row(htmlRows(html.stdout, 'clue.no-rejection'), '责任方')).toBe('行为人本身：拒收或退回问题线索的单位（即案卷日志中“拒收或退回问题线索”的办理单位）');
      expect(row(htmlRows(html.stdout, 'liaison.one-person'), '责任方')).toBe('行为人本身：指定联络科室和联络人的单位（即案卷日志中“指定联络科室和联络人”的办理单位）');
      expect(html.stdout).not.toContain('行为人本身（实施该行为的单位）');
      expect(md.stdout).not.toContain('行为人本身（实施该行为的单位）');
    });

    it('names the agency when the act\'s condition pins the actor', () => {
      const d = duty('shenjiju.secondment.request-authorised');
      const where = { all: [{ fact: 'to', operator: 'equal', value: 'shenjiju' }, { fact: 'actor', operator: 'equal', value: 'zuzhibu' }] };
      expect(dutyWords({ ...d, act: { ...d.act!, where } }, rules).who).toBe('县委组织部');
      // Pinned only when every passing event has that actor: not under 或.
      const either = { any: where.all };
      expect(dutyWords({ ...d, act: { ...d.act!, where: either } }, rules).who).toMatch(/^行为人本身：发函抽调人员的单位/);
    });
  });

  describe('conditions in words, faithful to the json-rules-engine tree', () => {
    const secret = { fact: 'secret', operator: 'equal', value: true };
    const byAudit = { fact: 'actor', operator: 'equal', value: 'shenjiju' };
    const S = '涉及秘密事项（secret）为是';
    const A = '办理单位（actor）为县审计局';

    it('all → 且, any → 或, a group in a group of the other kind is bracketed', () => {
      expect(conditionZh({ all: [secret, byAudit] }, rules)).toBe(`${S}，且${A}`);
      expect(conditionZh({ any: [secret, byAudit] }, rules)).toBe(`${S}，或${A}`);
      expect(conditionZh({ all: [secret, { any: [byAudit, { fact: 'written', operator: 'equal', value: false }] }] }, rules))
        .toBe(`${S}，且（${A}，或书面（written）为否）`);
      expect(conditionZh({ any: [{ all: [secret, byAudit] }, { fact: 'to', operator: 'in', value: ['jiwei', 'zuzhibu'] }] }, rules))
        .toBe(`（${S}，且${A}），或接收单位（to）属于县纪委监委、县委组织部`);
    });

    it('not → 不…: a leaf takes the opposite operator, a group is negated whole, a double not cancels', () => {
      expect(conditionZh({ not: secret }, rules)).toBe('涉及秘密事项（secret）不为是');
      expect(conditionZh({ not: { fact: 'to', operator: 'notIn', value: ['jiwei'] } }, rules)).toBe('接收单位（to）属于县纪委监委');
      expect(conditionZh({ not: { all: [secret, byAudit] } }, rules)).toBe(`不满足（${S}，且${A}）`);
      expect(conditionZh({ not: { not: secret } }, rules)).toBe(S);
      // contains fails for a field that is no list either way: its negation is not doesNotContain.
      expect(conditionZh({ not: { fact: 'persons', operator: 'contains', value: '王立新' } }, rules)).toBe('不满足（涉及人员（persons）包含王立新）');
    });

    it('operator decorators: someFact, everyFact, not:', () => {
      expect(conditionZh({ fact: 'matters', operator: 'someFact:notEqual', value: '' }, rules)).toBe('列明的事项（matters）中至少有一项不为空');
      expect(conditionZh({ not: { fact: 'matters', operator: 'someFact:equal', value: '' } }, rules)).toBe('列明的事项（matters）中每一项都不为空');
      expect(conditionZh({ fact: 'persons', operator: 'everyFact:not:equal', value: '王立新' }, rules)).toBe('涉及人员（persons）中每一项都不为王立新');
    });

    it('present: 已填写 or 未填写, flipped under not', () => {
      expect(conditionZh({ fact: 'talentPool', operator: 'present', value: true }, rules)).toBe('所属人才库的单位（talentPool）已填写');
      expect(conditionZh({ fact: 'talentPool', operator: 'present', value: false }, rules)).toBe('所属人才库的单位（talentPool）未填写');
      expect(conditionZh({ not: { fact: 'talentPool', operator: 'present', value: true } }, rules)).toBe('所属人才库的单位（talentPool）未填写');
    });

    it('a scope under 或 is bracketed before 的', () => {
      const d = duty('xunchazu.audit-secret.read-in-person');
      expect(dutyWords({ ...d, act: { ...d.act!, where: { any: [secret, byAudit] } } }, rules).scope)
        .toBe(`适用于：（${S}，或${A}）的“向巡察组提供协助或书面资料”`);
    });
  });
});

describe('the source read as articles (load/source-articles.ts), shared by lint and the reports', () => {
  it('gives every article the text the rules quote, continuations without their （续 [id]） marker', () => {
    const articles = sourceArticles(rs.sourceText);
    expect(articles.map((a) => a.id)).toEqual(SOURCE_IDS);
    for (const a of rs.articles) expect(articles.find((s) => s.id === a.id)?.text, a.id).toBe(a.text);
    const continued = articles.find((a) => a.id === '二(一)5')!;
    expect(continued.paragraphs.map((p) => p.line)).toEqual([40, 42]);
    expect(continued.text).toContain('\n巡察办临时需要问题线索处置情况最新数据');
  });
});
