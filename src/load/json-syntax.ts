// What a clerk is told about a JSON syntax error. JSON.parse only says that the text is not JSON;
// jsonc-parser finds and names the first error, with the JSON pointer of the value it was reading,
// and found() says what stands there.
import { createRequire } from 'node:module';
import type { JSONPath, ParseErrorCode } from 'jsonc-parser';
import type { Problem } from '../model/problem.js';
import { pointerOf, type Position } from './positions.js';

// jsonc-parser is loaded only to explain a syntax error: a valid log never needs it (20 ms of start-up).
const require = createRequire(import.meta.url);

const SYNTAX_ZH: Record<string, string> = {
  InvalidSymbol: '无效的符号',
  InvalidNumberFormat: '数字格式错误',
  PropertyNameExpected: '此处应为带双引号的属性名',
  ValueExpected: '此处应为一个值',
  ColonExpected: '此处应为冒号 :',
  CommaExpected: '此处应为逗号 ,',
  CloseBraceExpected: '此处应为右花括号 }',
  CloseBracketExpected: '此处应为右方括号 ]',
  EndOfFileExpected: '此处应为文件结尾（有多余内容）',
  InvalidCommentToken: 'JSON 不允许注释',
  UnexpectedEndOfComment: '注释未结束',
  UnexpectedEndOfString: '字符串未结束（缺少右双引号）',
  UnexpectedEndOfNumber: '数字未结束',
  InvalidUnicode: '无效的 Unicode 转义',
  InvalidEscapeCharacter: '无效的转义字符（字符串中的反斜杠 \\ 须写作 \\\\）',
  InvalidCharacter: '字符串中有无效字符（控制字符须转义）',
};

/** Full-width and typographic marks that Chinese input methods put where JSON needs ASCII. */
const FULL_WIDTH: Record<string, string> = {
  '，': ',', '：': ':', '“': '"', '”': '"', '‘': '"', '’': '"', "'": '"',
  '｛': '{', '｝': '}', '［': '[', '］': ']', '【': '[', '】': ']', '；': ',', '、': ',',
};

export function syntaxProblem(file: string, text: string, thrown: unknown, position: (offset: number) => Position): Problem {
  const { printParseErrorCode, visit } = require('jsonc-parser') as typeof import('jsonc-parser');
  // jsonc-parser names the error; stop at the first, since after it the parser is guessing. Its
  // callbacks give the path of every value; the pointer is of the last value (or property name)
  // read before the error, so the error is in that value or right after it, or of the array item
  // the error is in.
  let first: { code: ParseErrorCode; offset: number; length: number } | undefined;
  let path: JSONPath = [];
  // The objects and arrays not yet closed (a closed one is the value last read), each with, for an
  // array, the count of its items begun.
  const open: { path: JSONPath; items?: number }[] = [];
  // An array item is known by its index from the [ or , before it, before any of it is read; an
  // error in it names it, as an error in a member's value names the member, whose name was read.
  let item: JSONPath | undefined;
  const read = (p: JSONPath) => {
    const parent = open[open.length - 1];
    if (parent?.items !== undefined) parent.items++;
    path = p;
    item = undefined;
  };
  const begin = (items?: number) => (_o: number, _l: number, _sl: number, _sc: number, at: () => JSONPath) => {
    read(at());
    open.push({ path, items });
    if (items === 0) item = [...path, 0];
  };
  const end = () => { path = open.pop()?.path ?? []; item = undefined; };
  const stop = new Error('first error');
  try {
    visit(text, {
      onObjectBegin: begin(), onArrayBegin: begin(0), onObjectEnd: end, onArrayEnd: end,
      onObjectProperty(name, _o, _l, _sl, _sc, at) { path = [...at(), name]; },
      onLiteralValue(_v, _o, _l, _sl, _sc, at) { read(at()); },
      onSeparator(sep) {
        const parent = open[open.length - 1];
        if (sep === ',' && parent?.items !== undefined) item = [...parent.path, parent.items];
      },
      onError(code, offset, length) { first = { code, offset, length }; throw stop; },
    }, { disallowComments: true, allowTrailingComma: false });
  } catch (e) {
    if (e !== stop) throw e;
  }
  if (!first) {
    // JSON.parse refused something jsonc-parser accepts: use JSON.parse's own position.
    const at = Number(/position (\d+)/.exec(String((thrown as Error)?.message))?.[1] ?? 0);
    return { file, pointer: '', ...position(at), message: `JSON 语法错误：${found(text, at)}不符合 JSON 语法。` };
  }
  const { code, length } = first;
  // An item with nothing written (the end of the file, a , ] or } where it should start, or a
  // comment) is not known: the error then follows the value read last, as a trailing comma does.
  const last = text.trimEnd().length;
  const written = first.offset < last && !',]}/'.includes(text[first.offset]!);
  const pointer = pointerOf(item && written ? item : path);
  // The root has no pointer to print: say it, as the schema's messages do.
  const head = pointer === '' ? 'JSON 语法错误（文档顶层）' : 'JSON 语法错误';
  const name = printParseErrorCode(code);
  // A string's own errors come at its opening quote; the mistake is a character inside it.
  const offset = inString(text, first.offset, length, name) ?? first.offset;
  const ch = text[offset];
  // A trailing comma: jsonc-parser reports it at the } or ] that follows, but the comma is the mistake.
  const comma = (name === 'PropertyNameExpected' || name === 'ValueExpected') && (ch === '}' || ch === ']') ? commaBefore(text, offset) : -1;
  if (comma !== -1) {
    const close = position(offset);
    return {
      file, pointer, ...position(comma),
      message: `${head}：最后一项后面多了逗号；此处的 , 之后就是第 ${close.line} 行第 ${close.column} 列的 ${ch}，JSON 不允许在 ${ch} 前加逗号，请删去这个逗号。`,
    };
  }
  // A string cut by a line break: the mistake is at the break, whether the string goes on past
  // it (a note typed over two lines) or its closing quote was left out.
  const br = name === 'UnexpectedEndOfString' ? lineBreakAfter(text, first.offset + length) : -1;
  if (br !== -1) {
    return {
      file, pointer, ...position(br),
      message: continuesPast(text, br)
        ? `${head}：字符串中不能直接换行，此处换了行；请把换行写作 \\n，或把两行合为一行。`
        : `${head}：字符串未结束（缺少右双引号）；字符串在行尾仍未结束，请在此处补上右双引号 "（字符串中也不能直接换行）。`,
    };
  }
  const what = SYNTAX_ZH[name] ?? name;
  // Cut off: nothing left after the error, or its token (a string without its closing quote, a
  // half-written word) runs to the end of a file that does not end as a log does, with } or ].
  // Not "the error is on the last line": a log written by a program is all one line.
  const cutOff = offset >= last || (first.offset + length >= last && !'}]'.includes(text[last - 1]!));
  return {
    file, pointer, ...position(offset),
    message: `${head}：${what}；${found(text, offset)}${cutOff ? '（文件在此处意外结束，可能被截断）' : ''}。`,
  };
}

/** Offset of the character that makes the string token at [start, start + length) invalid, or
 *  undefined for an error that is not one of a string's own. */
function inString(text: string, start: number, length: number, error: string): number | undefined {
  if (error !== 'InvalidCharacter' && error !== 'InvalidEscapeCharacter' && error !== 'InvalidUnicode') return undefined;
  for (let i = start + 1; i < start + length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) { // '\'
      const next = text[i + 1] ?? '';
      const bad = error === 'InvalidEscapeCharacter' ? !'"\\/bfnrtu'.includes(next)
        : error === 'InvalidUnicode' && next === 'u' && !/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6));
      if (bad) return i;
      i++; // the escaped character
    } else if (c < 32 && error === 'InvalidCharacter') {
      return i;
    }
  }
  return undefined;
}

/** `offset` when a line break (LF or CRLF) stands there, else -1. */
function lineBreakAfter(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  return c === 10 || c === 13 ? offset : -1; // '\n', '\r'
}

/**
 * Whether the string cut at `br` goes on past the break: the next double quote ends a value (a
 * comma, } or ] follows it), as the closing quote of a string typed over two lines does. When the
 * quote was left out instead, the next quote opens the following name or value.
 */
function continuesPast(text: string, br: number): boolean {
  const close = text.indexOf('"', br);
  if (close === -1) return false;
  const after = /\S/.exec(text.slice(close + 1, close + 200));
  return after !== null && ',}]'.includes(after[0]);
}

/** Offset of the comma that only JSON whitespace separates from `offset`, or -1. */
function commaBefore(text: string, offset: number): number {
  let i = offset - 1;
  for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(--i));
  return text.charCodeAt(i) === 44 ? i : -1; // 44 ','
}

/** What stands at `offset`, said so that a clerk recognises it, with the fix for a full-width mark. */
function found(text: string, offset: number): string {
  if (offset >= text.trimEnd().length) return '实际已到文件结尾';
  const ch = String.fromCodePoint(text.codePointAt(offset)!);
  const ascii = FULL_WIDTH[ch];
  if (ascii) return `实际是 ${ch}（${ch === "'" ? '单引号' : '中文全角标点'}），JSON 须用英文半角的 ${ascii}`;
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = ch === '\t' ? '制表符' : ch === '\n' || ch === '\r' ? '换行' : /\s/.test(ch) ? `空白字符 ${code}`
    : /[\u0000-\u001f\u007f]/.test(ch) ? `控制字符 ${code}` : `“${text.slice(offset, offset + 12).split('\n')[0]}”`;
  return `实际是 ${shown}`;
}
