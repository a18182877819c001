// Verbatim text: an article's text against the source document, and a duty's quote against its
// article. Both say where the copy stops matching, quote both sides around that character, name
// the usual slip when it is one, and stand on that character in the rule file: one wording
// (differenceZh) for both.
import { lineCounterFor, positionAt, type Position } from '../load/positions.js';
import type { SourceParagraph } from '../load/source-articles.js';
import type { YamlFile } from '../load/yaml-file.js';
import type { Problem } from '../model/problem.js';

export function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 38) + '…' : s;
}

/** Characters of context quoted on each side of the first difference. */
const WINDOW = 8;

/**
 * A line of an article's text that the source does not contain: compared with the closest
 * paragraph of the same article in the source (most characters in common at both ends), the
 * message quotes both around the first difference, and the problem stands on that character.
 */
export function notVerbatim(f: YamlFile, pointer: string, id: string, lines: string[], li: number, candidates: SourceParagraph[], sourceName: string): Problem {
  const line = lines[li]!;
  let best: SourceParagraph | undefined;
  let bestScore = -1;
  for (const c of candidates) {
    const pre = commonPrefix(line, c.text);
    const score = pre + commonSuffix(line, c.text, Math.min(line.length, c.text.length) - pre);
    if (score > bestScore) { best = c; bestScore = score; }
  }
  if (!best) return { file: f.file, pointer, ...f.locate(pointer), message: `条款 ${id} 的条文与原文不一致：“${clip(line)}”在原文中找不到。条文须逐字引用原文。` };
  const d = commonPrefix(line, best.text);
  const where = lines.length > 1 ? `条文第 ${li + 1} 行第 ${d + 1} 个字` : `条文第 ${d + 1} 个字`;
  const diff = differenceZh({ name: '规则', text: line, at: d }, { name: '原文', where: `（${sourceName} 第 ${best.line} 行）`, text: best.text, at: d });
  return {
    file: f.file, pointer, ...placeInText(f, pointer, lines, li, d),
    message: `条款 ${id} 的条文与原文不一致，自${where}起不同${diff}条文须逐字引用原文。`,
  };
}

/**
 * A duty's quote that its article's text does not contain: the longest beginning of the quote that
 * the text has, the character where the quote departs from it, both sides around that character,
 * and the usual slip (a space, a 。 added, “ ” around it, a half-width comma). A first character the
 * text has nowhere before the rest (a “ in front) is compared where the rest of the quote begins.
 */
export function quoteNotVerbatim(f: YamlFile, pointer: string, quote: string, text: string): Problem {
  const k = longestPrefixIn(quote, text);
  const rest = k === 0 && quote.length > 1 ? longestPrefixIn(quote.slice(1), text) : 0;
  const theirsAt = k > 0 ? text.indexOf(quote.slice(0, k)) + k : rest > 0 ? text.indexOf(quote.slice(1, 1 + rest)) : -1;
  const diff = () => differenceZh({ name: 'quote', text: quote, at: k }, { name: '条文', text, at: theirsAt });
  const message = theirsAt < 0 ? `quote 须是本条条文的逐字片段，“${clip(quote)}”在条文中找不到。`
    : k > 0 ? `quote 须是本条条文的逐字片段，但只有前 ${k} 个字“${clip(quote.slice(0, k))}”与条文相符，自第 ${k + 1} 个字起不同${diff()}`
    : `quote 须是本条条文的逐字片段，但第 1 个字就与条文不同${diff()}`;
  return { file: f.file, pointer, ...placeInText(f, pointer, [quote], 0, k), message };
}

/** One side of a comparison: its text, the character compared, and how the message names it. */
interface Side { name: string; text: string; at: number; /** Where it stands, said after its name in the quoted context. */ where?: string }

/** A name before Chinese words: a Latin one set off by a space ("quote 中", "规则中"). */
const subject = (name: string) => `${name}${/[a-z]$/i.test(name) ? ' ' : ''}`;
const inZh = (name: string) => `${subject(name)}中`;

/** A character as a message names it: a space by name, since “ ” would not show it. */
const charZh = (c: string) => (c === '\u3000' ? '全角空格' : /\s/.test(c) ? '空格' : `“${c}”`);

/**
 * "（规则中是“方”，原文是“的”）：规则中为“…”，原文（…）为“…”。" and the usual slip, when it is one.
 * `ours` is the copy, `theirs` what it copies; each `at` the character where they part.
 */
function differenceZh(ours: Side, theirs: Side): string {
  const a = ours.text[ours.at]!;
  const b = theirs.text[theirs.at];
  const chars = b === undefined ? `${theirs.name}此段已到结尾` : `${inZh(ours.name)}是${charZh(a)}，${theirs.name}是${charZh(b)}`;
  return `（${chars}）：${inZh(ours.name)}为“${around(ours.text, ours.at)}”，${theirs.name}${theirs.where ?? ''}为“${around(theirs.text, theirs.at)}”。${slipZh(ours, theirs)}`;
}

/** Half-width punctuation typed where the Chinese text has the full-width form, and its name. */
const HALF_WIDTH: Record<string, [full: string, name: string]> = {
  ',': ['，', '逗号'], ';': ['；', '分号'], ':': ['：', '冒号'], '(': ['（', '括号'], ')': ['）', '括号'], '?': ['？', '问号'], '!': ['！', '感叹号'],
};
/** Quotation marks someone may wrap a copied fragment in, opening to closing. */
const QUOTE_MARKS: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"', "'": "'" };

/** The usual slip that explains a difference, as a sentence, or ''. */
function slipZh(ours: Side, theirs: Side): string {
  const a = ours.text[ours.at]!;
  const b = theirs.text[theirs.at];
  const close = QUOTE_MARKS[ours.text[0]!];
  if (ours.at === 0 && close && ours.text.length > 2 && ours.text.endsWith(close)) {
    return `${subject(ours.name)}两端加了引号 ${ours.text[0]}${close}：只写${theirs.name}的文字本身，不加引号。`;
  }
  if (/\s/.test(a) && !(b && /\s/.test(b))) return `${inZh(ours.name)}多了${theirs.name}没有的${charZh(a)}，请删去。`;
  const half = HALF_WIDTH[a];
  if (half && b === half[0]) return `${inZh(ours.name)}用了半角${half[1]}“${a}”，${theirs.name}是全角“${b}”。`;
  if (ours.at === ours.text.length - 1 && /[。；，、]/.test(a)) return `${subject(ours.name)}末尾多了“${a}”，${theirs.name}此处${b === undefined ? '已到结尾' : `是“${b}”`}；请删去末尾的“${a}”。`;
  return '';
}

/** The length of the longest beginning of `s` that `text` contains (a beginning contained means
 *  every shorter one is: found by halving). */
function longestPrefixIn(s: string, text: string): number {
  let lo = 0, hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(s.slice(0, mid))) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n < max && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function around(s: string, d: number): string {
  const from = Math.max(0, d - WINDOW);
  const to = Math.min(s.length, d + WINDOW);
  return `${from > 0 ? '…' : ''}${s.slice(from, to)}${to < s.length ? '…' : ''}`;
}

/** The line:column in the rule file of character `offset` of line `li` of a text value. Its lines
 *  are looked for in order after the key (a literal block |- holds them as written); where one is
 *  not found as written (a folded or escaped scalar), the key's own place is the answer. */
function placeInText(f: YamlFile, pointer: string, lines: string[], li: number, offset: number): Position {
  const key = f.locate(pointer);
  const lc = lineCounterFor(f.text);
  let at = lc.lineStarts[key.line - 1]! + key.column - 1;
  for (let j = 0; j <= li; j++) {
    const found = f.text.indexOf(lines[j]!, at);
    if (found < 0) return key;
    at = j < li ? found + lines[j]!.length : found + offset;
  }
  return positionAt(lc, at);
}
