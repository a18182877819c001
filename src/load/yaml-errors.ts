// What a YAML syntax error means, in Chinese, for the legal staff who edit rules/. yaml's codes are
// broad (MISSING_CHAR is an unclosed quote as well as a key with no value), so a row may narrow its
// code by yaml's own message (`detail`) or by the line as written from the error's place on (`line`):
// the mistakes people make (a full-width colon, no space after the colon) show only in the text.
import { isMap, isNode, isScalar, isSeq, visit, type Document, type LineCounter, type Node } from 'yaml';
import { positionAt } from './positions.js';
import { misindented, type Alignment, type IndentLine } from './yaml-indent.js';

export const TOO_DEEP = '嵌套层数过多（括号或缩进层层套叠），请检查是否有未闭合的 [ 或 {。';

/** Not a yaml code: yaml throws it from toJS, after parsing succeeded. */
export const UNRESOLVED_ALIAS = 'UNRESOLVED_ALIAS';

interface Row {
  code: string[];
  detail?: RegExp;
  line?: RegExp;
  /** Given the match of `line`, or else of `detail`, (for `opened`) where yaml gave up, and (for
   *  `indent`) what the line should line up with, when that can be read from the lines above. */
  say: string | ((m: RegExpExecArray, end: string, fit: Fit | undefined) => string);
  /** yaml's message is kept as a short detail only where the wording is a broad hint. */
  technical?: true;
  /** An unclosed quote or bracket: yaml places it where it gave up (often the end of the file), so
   *  the problem is placed at the node that opened there, and yaml's place named in the message. */
  opened?: (n: Node) => boolean;
  /** An indentation mistake: yaml places it at the start of the line, or (`deeper`) at the value
   *  above the line; the problem is placed at the line's key or "-", said with the column it should
   *  take: that of a key (`key`, `deeper`) or of a list item's "-" (`item`) above. */
  indent?: 'key' | 'item' | 'deeper';
}

/** A key as rules/ writes them (all ASCII), at the start of the line yaml could not read. */
const KEY = '([A-Za-z_][\\w.-]*)';
/** A line yaml took for the start of a key that never ended, or a key with no value. */
const KEY_LINE = { code: ['MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR'], detail: /^Implicit keys need to be on a single line|^Implicit map keys need to be followed/ };
const LIST_ALIGN = '缩进不一致：同一列表的各项（以 "- " 开头的行）应从同一列开始，请与上面的项对齐。';
/** A mis-indented line and what it should line up with. */
type Fit = Alignment & { line: IndentLine };
const who = (f: Fit) => (f.line.key === undefined ? '这一行' : `键 ${f.line.key} `);
const lineRef = (f: Fit) => (f.previous ? '上一行' : `第 ${f.with.line} 行`);
const keyRef = (f: Fit) => `${lineRef(f)}的键 ${f.with.key} `;
const listAlign = (_: unknown, __: unknown, f: Fit | undefined) => f
  ? `缩进不一致：这一项的 "-" 前缩进了 ${f.line.indent} 个空格；同一列表的各项（以 "- " 开头的行）应从同一列开始，应与${lineRef(f)}的 "-" 对齐，缩进 ${f.want} 个空格。`
  : LIST_ALIGN;
const QUOTED = (n: Node) => isScalar(n) && (n.type === 'QUOTE_SINGLE' || n.type === 'QUOTE_DOUBLE');

const TAB: Row = { code: ['TAB_AS_INDENT'], say: '不能用制表符（Tab）缩进；YAML 只认空格，请把缩进中的 Tab 改成空格，并与同一层的其他行对齐。' };

/** A key followed by a full-width colon (typed with a Chinese input method). */
const FULL_WIDTH_COLON = new RegExp(`^${KEY}[ \\t]*：`);
const fullWidthColonZh = (key: string) => `键 ${key} 后用了全角冒号“：”（中文输入法）；YAML 只认半角冒号 ":"，且冒号后要有空格，应写成 "${key}: …"。`;

/** In order: the first row that fits says it. */
const ROWS: Row[] = [
  { ...KEY_LINE, line: FULL_WIDTH_COLON, say: (m) => fullWidthColonZh(m[1]!) },
  { ...KEY_LINE, line: new RegExp(`^${KEY}:(?=\\S)`), say: (m) => `键 ${m[1]} 的冒号后缺少空格；YAML 要求冒号后有空格，应写成 "${m[1]}: …"。` },
  { ...KEY_LINE, say: '这一行没有 "键: 值" 的冒号，YAML 把它当作了一个没写完的键。若它是新的键，请在键后写半角冒号和空格（如 note: 文字）；若它是上一行的值（或 |、> 下的文字），请比上一行的键缩进更深。' },
  TAB,
  { code: ['BAD_INDENT'], detail: /^All mapping items/, line: /^[ ]*-[^\s-]/, indent: 'key', say: '列表项的 "-" 后缺少空格，应写成 "- 键: 值"。' },
  { code: ['BAD_INDENT'], detail: /^All mapping items/, indent: 'key', say: (_, __, f) => f
    ? `缩进不一致：${who(f)}缩进了 ${f.line.keyAt} 个空格，与上面同一层的键不在同一列；应与${keyRef(f)}对齐，缩进 ${f.want} 个空格。`
    : '缩进不一致：同一层的键应从同一列开始，请与上面同一层的键对齐。' },
  { code: ['BAD_INDENT'], detail: /^All sequence items/, indent: 'item', say: listAlign },
  { code: ['BLOCK_AS_IMPLICIT_KEY'], detail: /block sequence/, indent: 'item', say: listAlign },
  { code: ['MISSING_CHAR'], detail: /^Sequence item without/, indent: 'key', say: (_, __, f) => f
    ? `缩进不一致：${who(f)}缩进了 ${f.line.keyAt} 个空格，比上面的键少，却不是新的列表项。若它属于上面那一项，应与${keyRef(f)}对齐，缩进 ${f.want} 个空格；若是新的一项，请以 "- " 开头。`
    : '缩进不一致：这一行比上面的键缩进少，却不是新的列表项。若它属于上面那一项，请与该项的其他键对齐；若是新的一项，请以 "- " 开头。' },
  { code: ['BLOCK_AS_IMPLICIT_KEY'], detail: /^Nested mappings/, line: /:(?:\s|$)/, say: '值中有“冒号加空格”，YAML 把它当作了又一个 "键: 值"；请给整个值加引号（\'…\'），或把这个冒号改为全角“：”。' },
  { code: ['BLOCK_AS_IMPLICIT_KEY'], detail: /^Nested mappings/, indent: 'deeper', say: (_, __, f) => f
    ? `缩进不一致：${who(f)}缩进了 ${f.line.keyAt} 个空格，比${keyRef(f)}深；但 ${f.with.key} 在同一行已有值，其下不能再有下一层的键。应与${keyRef(f)}对齐，缩进 ${f.want} 个空格。`
    : '缩进不一致：下一行比这一行的键缩进更深，YAML 把这里的值当成了下一层的键；同一层的键应从同一列开始。' },
  { code: ['MISSING_CHAR'], detail: /closing 'quote/, opened: QUOTED, say: (_, end) => `单引号未闭合：这里开始的 ' 直到${end}都没有配对的结尾 '。请在值的末尾补上 '；值中本身的 ' 要写成两个（''）。` },
  { code: ['MISSING_CHAR'], detail: /closing "quote/, opened: QUOTED, say: (_, end) => `双引号未闭合：这里开始的 " 直到${end}都没有配对的结尾 "。请在值的末尾补上 "；值中本身的 " 要写成 \\"。` },
  { code: ['BAD_INDENT', 'MISSING_CHAR'], detail: /^Flow sequence .*end with a \]/, opened: (n) => isSeq(n) && !!n.flow, say: (_, end) => `方括号未闭合：这里开始的 [ 直到${end}都没有配对的 ]。请在最后一项后补上 ]；列表写成多行时，续行要比键缩进更深。` },
  { code: ['BAD_INDENT', 'MISSING_CHAR'], detail: /^Flow map .*end with a \}/, opened: (n) => isMap(n) && !!n.flow, say: (_, end) => `花括号未闭合：这里开始的 { 直到${end}都没有配对的 }。请在最后一项后补上 }；写成多行时，续行要比键缩进更深。` },
  { code: ['MISSING_CHAR'], detail: /^Missing space after :/, say: '冒号后缺少空格；在 { } 和 [ ] 中也要写成 "键: 值"。' },
  { code: ['MISSING_CHAR'], detail: /^Missing ,/, say: '{ } 或 [ ] 中的两项之间缺少半角逗号 ","。' },
  { code: ['MISSING_CHAR'], detail: /^Comments must be separated/, say: '注释符号 # 前要有空格；若 # 是值中的文字，请给整个值加引号。' },
  { code: ['BAD_SCALAR_START'], detail: /character (\S)/, say: (m) => `值不能以 ${m[1]} 开头（YAML 的保留字符）；若它是文字，请给整个值加引号（'${m[1]}…'）。` },
  { code: ['BAD_DQ_ESCAPE'], detail: /sequence (\S+)/, say: (m) => `双引号中的 ${m[1]} 不是有效的转义；要写反斜杠本身请写成 \\\\，或改用单引号。` },
  { code: ['UNEXPECTED_TOKEN'], detail: /at node end$/, say: '值结束后还有多余的内容：引号或括号闭合之后不能再写文字；若这些都是值，请把引号加在整个值的两端。' },
  { code: ['UNEXPECTED_TOKEN'], detail: /^Unexpected , in flow/, say: '{ } 或 [ ] 中多了一个逗号（两个逗号之间或开头没有内容）。' },
  { code: ['UNEXPECTED_TOKEN'], detail: /^Not a YAML token|^Block scalar header/, say: '| 或 > 后面同一行不能再写文字：请把文字移到下一行，并比键缩进更深。' },
  { code: ['UNEXPECTED_TOKEN'], detail: /block-seq-ind on same line/, say: '键的冒号后不能在同一行开始列表（"- "）：列表项要另起一行并缩进；若 "-" 是文字，请给整个值加引号。' },
  // Within { }, a value followed by another key's "key: " is mostly a comma left out between two pairs.
  { code: ['BLOCK_IN_FLOW'], line: new RegExp(`^[^,:\\]}\\n]*?\\s${KEY}:\\s`), say: (m) => `{ } 中键 ${m[1]} 前少了半角逗号 ","：YAML 把前面的值连同 "${m[1]}: …" 读成了一个值；请在 ${m[1]} 前补上逗号（如 office: 政治处, persons: …）。若冒号是值中的文字，请给这个值加引号。` },
  { code: ['BLOCK_IN_FLOW'], say: '{ } 或 [ ] 中的值有“冒号加空格”或以 "- " 开头；在括号中，这样的值要加引号。' },
  { code: ['DUPLICATE_KEY'], line: /^[^\n:]*/, say: (m) => `同一映射中键 "${m[0].trim()}" 重复出现，YAML 不允许；请删去多余的一个，或改成应有的键名。` },
  { code: ['MULTIPLE_DOCS'], say: '一个文件只能有一个 YAML 文档：请删去分隔线 "---"，或把后面的内容移到另一个文件。' },
  { code: ['KEY_OVER_1024_CHARS'], say: '键过长（超过 1024 个字符），多半是上面少了冒号或引号。' },
  { code: ['BAD_ALIAS', 'ALIAS_PROPS', 'MULTIPLE_ANCHORS'], say: '以 & 或 * 开头的值被 YAML 当作锚点或别名；若它是文字，请给整个值加引号。', technical: true },
  { code: [UNRESOLVED_ALIAS], line: /^\*\S*/, say: (m) => `值以 * 开头，YAML 把 ${m[0]} 当作别名（引用前文用 & 标记的内容），但前文没有这个锚点；若它是文字，请给整个值加引号（'${m[0]}'）。` },
];

export interface YamlSyntaxError { code: string; message: string; pos: readonly [number, ...number[]] }

/** The Chinese message and place of a YAML syntax error (a yaml error, or UNRESOLVED_ALIAS). */
export function explainYamlError(e: YamlSyntaxError, doc: Document, text: string, lc: LineCounter): { line: number; column: number; message: string } {
  const detail = e.message.split('\n')[0]!;
  const at = positionAt(lc, e.pos[0]);
  if (/call stack/i.test(detail)) return { ...at, message: `YAML 无法解析：${TOO_DEEP}` };
  const eol = text.indexOf('\n', e.pos[0]);
  const rest = text.slice(e.pos[0], eol === -1 ? undefined : eol);
  let row = ROWS.find((r) => r.code.includes(e.code) && (!r.detail || r.detail.test(detail)) && (!r.line || r.line.test(rest)));
  if (!row) return { ...at, message: `YAML 语法错误：此处有 YAML 无法识别的写法（yaml 提示：${detail}）` };
  const mis = row.indent ? misindented(text, e.pos[0], row.indent) : undefined;
  // A tab among the spaces throws the columns out: it is the mistake to name.
  if (mis?.line.tab !== undefined) row = TAB;
  const fit = mis?.fit && { ...mis.fit, line: mis.line };
  // Where the reader must act: an unclosed quote's start, a mis-indented line's tab, key or "-".
  const start = row.opened ? openedAt(doc, e.pos[0], row.opened)
    : mis ? mis.line.tab ?? mis.line.offset
    : row.indent && row.indent !== 'deeper' ? e.pos[0] + /^[ ]*/.exec(rest)![0].length : undefined;
  const m = (row.line ?? row.detail)?.exec(row.line ? rest : detail) ?? null;
  let say = typeof row.say === 'string' ? row.say : row.say(m!, e.pos[0] >= text.length ? '文件末尾' : `第 ${at.line} 行第 ${at.column} 列`, fit);
  if (row.technical) say += `（yaml 提示：${detail}）`;
  return { ...(start === undefined ? at : positionAt(lc, start)), message: `YAML 语法错误：${say}` };
}

/**
 * Keys followed by a full-width colon that yaml could still read, as part of one longer key: in
 * { } ({ workdays： 20 } is the key "workdays： 20"), or before a value on the same line
 * (period：{ workdays: 20 }). The schema would only call them unknown fields.
 */
export function fullWidthColonKeys(doc: Document, lc: LineCounter): { line: number; column: number; message: string }[] {
  const found: { line: number; column: number; message: string }[] = [];
  visit(doc, {
    Pair(_, pair) {
      const m = isScalar(pair.key) && typeof pair.key.value === 'string' ? FULL_WIDTH_COLON.exec(pair.key.value) : null;
      if (m && pair.key && isNode(pair.key) && pair.key.range) found.push({ ...positionAt(lc, pair.key.range[0]), message: `YAML 语法错误：${fullWidthColonZh(m[1]!)}` });
    },
  });
  return found;
}

/** Where the innermost node of the kind that yaml left unclosed at `end` begins. */
function openedAt(doc: Document, end: number, kind: (n: Node) => boolean): number | undefined {
  let start: number | undefined;
  visit(doc, (_, n) => {
    if (isNode(n) && n.range?.[1] === end && kind(n)) start = n.range[0];
  });
  return start;
}
