// The rulebook (规则手册) for legal staff: every article of the source document in document order,
// its verbatim text beside its duties in plain Chinese; then the 数据核对 checks (rules/consistency.yaml),
// which rest on no article but give findings in every check; then, apart, every interpretation and
// every anomaly of the text, for legal review. Built from the rules alone; printable (HTML) or Markdown.
import { sourceArticles } from '../load/source-articles.js';
import { periodZh, type Period } from '../calendar/periods.js';
import type { Article, Duty, Parameter, Rules, Ruleset } from '../model/rules.js';
import { dutyWords, type DutyWords } from './duty-words.js';
import { escHtml as e, escMd as m } from './markup.js';
import { htmlPage } from './page.js';

type Item =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'article'; id: string; text: string; article: Article | null; duties: Worded[] };

/** A duty, or a 数据核对 check, with its words. */
interface Worded { duty: Duty; words: DutyWords }

interface Book {
  rs: Ruleset;
  items: Item[];
  articles: number;
  /** The 数据核对 checks: run on every log whatever ruleset is in force, so each ruleset's book shows them. */
  consistency: Worded[];
  interpretations: { param: Parameter; usedBy: Duty[] }[];
  anomalies: { id: string; anomaly: string }[];
}

export type RulebookFormat = 'html' | 'md';

export function rulebook(rules: Rules, format: RulebookFormat): string {
  const books = rules.rulesets.map((rs) => build(rs, rules));
  return format === 'html' ? html(books, rules) : md(books, rules);
}

function build(rs: Ruleset, rules: Rules): Book {
  const byId = new Map(rs.articles.map((a) => [a.id, a]));
  const items: Item[] = [];
  const seen = new Set<string>();
  const push = (id: string, text: string, article: Article | null) => {
    seen.add(id);
    items.push({ kind: 'article', id, text, article, duties: (article?.duties ?? []).map((duty) => worded(duty, rules)) });
  };
  for (const s of sourceArticles(rs.sourceText)) {
    for (const h of s.headings) items.push({ kind: 'heading', ...h });
    const a = byId.get(s.id) ?? null;
    push(s.id, a?.text ?? s.text, a);
  }
  // An article the rules carry but the source does not mark is a lint error elsewhere; still show it.
  for (const a of rs.articles) if (!seen.has(a.id)) push(a.id, a.text, a);
  return {
    rs, items,
    articles: items.filter((i) => i.kind === 'article').length,
    consistency: rules.consistency.map((duty) => worded(duty, rules)),
    interpretations: rs.parameters.filter((p) => p.interpretation)
      .map((param) => ({ param, usedBy: rs.duties.filter((d) => d.interpretations.includes(param.name)) })),
    anomalies: rs.articles.filter((a) => a.anomaly).map((a) => ({ id: a.id, anomaly: a.anomaly! })),
  };
}

const worded = (duty: Duty, rules: Rules): Worded => ({ duty, words: dutyWords(duty, rules) });

const TITLE = '规则手册';
const CONSISTENCY = '数据核对';
/** A parameter's value as legal staff read it: 5个工作日内, 县审计局（shenjiju）, 是（true）. */
function valueText(v: unknown, rules: Rules): string {
  if (typeof v === 'boolean') return `${v ? '是' : '否'}（${v}）`;
  if (typeof v === 'string') { const a = rules.agencyByName.get(v); return a ? `${a.name}（${v}）` : v; }
  if (isPeriod(v)) return `${periodZh(v)}（${JSON.stringify(v)}）`;
  return JSON.stringify(v);
}

function isPeriod(v: unknown): v is Period {
  return typeof v === 'object' && v !== null && Object.keys(v).length === 1
    && ['workdays', 'days', 'weeks', 'months'].some((k) => typeof (v as Record<string, unknown>)[k] === 'number');
}

/** The articles (each once) whose duties use a parameter, and how many duties that is. */
function usage(duties: Duty[]): { articles: string[]; count: number } {
  return { articles: [...new Set(duties.map((d) => d.article))], count: duties.length };
}
const anchor = (id: string) => `article-${encodeURIComponent(id)}`;
const consistencyAnchor = (rs: Ruleset) => `consistency-${rs.id}`;
/** What the table of contents says of the 数据核对 section. */
const consistencySummary = (b: Book) => `核对项 ${b.consistency.length} 项：不是原文条款，案卷记录彼此矛盾时只作提示`;
/** Legal staff's note (说明) on an article or a duty: the same paragraph, right after what it explains. */
const noteOf = (x: { note?: string | null } | null): string | null => (typeof x?.note === 'string' ? x.note : null);
const noteHtml = (x: { note?: string | null } | null): string => (noteOf(x) ? `<p class="facts"><b>说明：</b>${e(noteOf(x)!)}</p>` : '');
const noteMd = (x: { note?: string | null } | null): string[] => (noteOf(x) ? [`**说明：**${m(noteOf(x)!)}`, ''] : []);

/** The rows of one duty's table, in reading order. A 数据核对 check quotes no article and is no
 *  violation: it has no 所据原文, and an 追责条款 only if it names one. */
function rows(d: Duty, w: DutyWords, paramLink: (name: string) => string, esc: (s: string) => string): [string, string][] {
  const article = !d.inconsistent;
  return [
    ['责任方', esc(w.who)],
    ['做什么', esc(w.what)],
    ['适用范围', esc(w.scope)],
    ['时限与要求', esc(w.when)],
    ...(w.condition ? [['条件', esc(w.condition)] as [string, string]] : []),
    ['如何计算', esc(w.how)],
    ['性质', esc(w.severity)],
    ...(article || d.accountability ? [['追责条款', esc(d.accountability ?? '原文未就此明示')] as [string, string]] : []),
    ...(article ? [['所据原文', `“${esc(d.quote)}”`] as [string, string]] : []),
    ...(d.interpretations.length ? [['解释参数', d.interpretations.map(paramLink).join('、')] as [string, string]] : []),
    [article ? '义务编号' : '核对项编号', esc(d.id)],
  ];
}

/** A duty's heading: 义务 2：…, or 核对项 2：… for a 数据核对 check. */
const dutyHeading = (d: Duty, n: number) => `${d.inconsistent ? '核对项' : '义务'} ${n}：`;

/** One duty's block: heading, table, note. Articles' duties and 数据核对 checks alike. */
function dutyHtml({ duty, words }: Worded, n: number, level: number, paramLink: (name: string) => string): string {
  return `<div class="duty" data-duty="${e(duty.id)}"><h${level}>${dutyHeading(duty, n)}${e(duty.title)}</h${level}><table>`
    + rows(duty, words, paramLink, e).map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('') + `</table>${noteHtml(duty)}</div>`;
}

function dutyMd({ duty, words }: Worded, n: number, level: number): string[] {
  return [`${'#'.repeat(level)} ${dutyHeading(duty, n)}${m(duty.title)}`, '', '| 项目 | 内容 |', '|---|---|',
    ...rows(duty, words, m, m).map(([k, v]) => `| ${k} | ${v} |`), '', ...noteMd(duty)];
}

function html(books: Book[], rules: Rules): string {
  const H: string[] = [];
  for (const b of books) {
    H.push(`<header><h1>${TITLE}：${e(b.rs.title)}</h1><dl class="meta">`
      + `<dt>版本</dt><dd>${e(b.rs.version)}，${e(b.rs.effective)} 起施行</dd>`
      + `<dt>条款</dt><dd data-articles="${b.articles}">${b.articles} 条（按原文顺序），义务 ${b.rs.duties.length} 项</dd>`
      + (b.consistency.length ? `<dt>${CONSISTENCY}</dt><dd><a href="#${e(consistencyAnchor(b.rs))}">${consistencySummary(b)}</a></dd>` : '')
      + `<dt>供法律审核</dt><dd><a href="#review-${e(b.rs.id)}">解释性参数 ${b.interpretations.length} 项，原文异常 ${b.anomalies.length} 处</a></dd>`
      + '<dt>期限计算</dt><dd>《民法典》第二百零一条至第二百零三条；工作日按国务院公布的节假日安排</dd></dl></header>');
    const paramLink = (n: string) => `<a href="#param-${e(n)}">${e(n)}</a>`;
    for (const it of b.items) {
      if (it.kind === 'heading') { H.push(`<h${it.level}>${e(it.text)}</h${it.level}>`); continue; }
      const a = it.article;
      const notes = [
        a?.anomaly ? `<p class="facts"><b>原文异常：</b>${e(a.anomaly)}</p>` : '',
        a?.reason ? `<p class="facts"><b>无法从案卷日志检查：</b>${e(a.reason)}</p>` : '',
        noteHtml(a),
        !a ? '<p class="facts"><b>规则中尚未收录此条。</b></p>' : '',
        a && !a.reason && it.duties.length === 0 ? '<p class="facts">本条尚未编码为可检查的义务。</p>' : '',
      ].join('');
      const duties = it.duties.map((d, i) => dutyHtml(d, i + 1, 5, paramLink)).join('');
      H.push(`<section class="article" id="${anchor(it.id)}" data-article="${e(it.id)}"><h4>${e(it.id)}</h4><div class="article-body">`
        + `<div class="article-text"><blockquote>${it.text.split('\n').map((l) => `<p>${e(l)}</p>`).join('')}</blockquote>${notes}</div>`
        + `<div class="article-duties">${duties}</div></div></section>`);
    }
    if (b.consistency.length) {
      H.push(`<section class="consistency" id="${e(consistencyAnchor(b.rs))}"><h2>${CONSISTENCY}</h2>`
        + (rules.consistencyText ? `<p>${e(rules.consistencyText)}</p>` : '')
        + b.consistency.map((d, i) => dutyHtml(d, i + 1, 3, paramLink)).join('') + '</section>');
    }
    H.push(`<section class="review" id="review-${e(b.rs.id)}"><h2>供法律审核</h2><h3>一、解释性参数（原文未予明确、由规则作出的理解）</h3>`);
    if (b.interpretations.length === 0) H.push('<p>无。</p>');
    else {
      H.push('<table><thead><tr><th>参数</th><th>原文措辞</th><th>取值</th><th>说明</th><th>使用该参数的条款</th></tr></thead><tbody>');
      for (const { param: p, usedBy } of b.interpretations) {
        const u = usage(usedBy);
        H.push(`<tr id="param-${e(p.name)}" data-param="${e(p.name)}"><td>${e(p.name)}</td><td>${e(p.wording)}</td><td>${e(valueText(p.value, rules))}</td><td>${e(p.note)}</td>`
          + `<td>${u.count ? `${u.articles.map((a) => `<a class="nowrap" href="#${anchor(a)}">${e(a)}</a>`).join('、')}（${u.count} 项义务）` : '（暂无）'}</td></tr>`);
      }
      H.push('</tbody></table>');
    }
    H.push('<h3>二、原文异常</h3>');
    H.push(b.anomalies.length === 0 ? '<p>无。</p>'
      : `<ul>${b.anomalies.map((x) => `<li data-anomaly="${e(x.id)}"><a href="#${anchor(x.id)}">${e(x.id)}</a>：${e(x.anomaly)}</li>`).join('')}</ul>`);
    H.push('</section>');
  }
  return htmlPage(`${TITLE}：${books[0]?.rs.title ?? ''}`, H.join('\n'));
}

function md(books: Book[], rules: Rules): string {
  const L: string[] = [];
  for (const b of books) {
    L.push(`# ${TITLE}：${m(b.rs.title)}`, '');
    L.push(`- **版本**：${m(b.rs.version)}，${b.rs.effective} 起施行`);
    L.push(`- **条款**：${b.articles} 条（按原文顺序），义务 ${b.rs.duties.length} 项`);
    if (b.consistency.length) L.push(`- **${CONSISTENCY}**：${consistencySummary(b)}（见“${CONSISTENCY}”一节）`);
    L.push(`- **供法律审核**：解释性参数 ${b.interpretations.length} 项，原文异常 ${b.anomalies.length} 处（见文末）`);
    L.push('- **期限计算**：《民法典》第二百零一条至第二百零三条；工作日按国务院公布的节假日安排', '');
    for (const it of b.items) {
      if (it.kind === 'heading') { L.push(`${'#'.repeat(it.level)} ${m(it.text)}`, ''); continue; }
      const a = it.article;
      L.push(`#### ${m(it.id)}`, '', ...it.text.split('\n').flatMap((l) => [`> ${m(l)}`, '>']).slice(0, -1), '');
      if (a?.anomaly) L.push(`**原文异常：**${m(a.anomaly)}`, '');
      if (a?.reason) L.push(`**无法从案卷日志检查：**${m(a.reason)}`, '');
      L.push(...noteMd(a));
      if (!a) L.push('**规则中尚未收录此条。**', '');
      else if (!a.reason && it.duties.length === 0) L.push('本条尚未编码为可检查的义务。', '');
      it.duties.forEach((d, i) => L.push(...dutyMd(d, i + 1, 5)));
    }
    if (b.consistency.length) {
      L.push(`## ${CONSISTENCY}`, '', ...(rules.consistencyText ? [m(rules.consistencyText), ''] : []));
      b.consistency.forEach((d, i) => L.push(...dutyMd(d, i + 1, 3)));
    }
    L.push('## 供法律审核', '', '### 一、解释性参数（原文未予明确、由规则作出的理解）', '');
    if (b.interpretations.length === 0) L.push('无。', '');
    for (const { param: p, usedBy } of b.interpretations) {
      const u = usage(usedBy);
      L.push(`- **${m(p.name)}**：原文“${m(p.wording)}”；取值：${m(valueText(p.value, rules))}`,
        `  - 说明：${m(p.note)}`,
        `  - 使用该参数的条款：${u.count ? `${u.articles.map(m).join('、')}（${u.count} 项义务）` : '（暂无）'}`);
    }
    L.push('', '### 二、原文异常', '');
    if (b.anomalies.length === 0) L.push('无。');
    for (const x of b.anomalies) L.push(`- ${m(x.id)}：${m(x.anomaly)}`);
    L.push('');
  }
  return L.join('\n');
}
