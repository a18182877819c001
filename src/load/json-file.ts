// A JSON input: JSON.parse for speed; jsonc-parser only when a place must be found (a syntax
// error, or a problem to point at), because JSON.parse keeps no positions.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { InputError } from '../model/problem.js';
import { lineCounterFor, pointerSegments, positionAt, type Position } from './positions.js';
import { readText } from './text.js';

export interface JsonFile {
  file: string;
  text: string;
  data: unknown;
  /** line:column of the value at a JSON pointer (or of its nearest existing parent). */
  locate(pointer: string): Position;
}

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
  InvalidEscapeCharacter: '无效的转义字符',
  InvalidCharacter: '字符串中有无效字符（控制字符须转义）',
};

export function loadJson(file: string, maxBytes?: number): JsonFile {
  const text = readText(file, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(syntaxProblems(file, text));
  }
  let tree: Node | undefined;
  let lc: ReturnType<typeof lineCounterFor> | undefined;
  return {
    file, text, data,
    locate(pointer) {
      tree ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
      lc ??= lineCounterFor(text);
      const segs = pointerSegments(pointer);
      for (let n = segs.length; n >= 0; n--) {
        const node = tree && findNodeAtLocation(tree, segs.slice(0, n));
        if (node) {
          // For a key, point at the property name rather than the value.
          const at = node.parent?.type === 'property' && n === segs.length ? node.parent.offset : node.offset;
          return positionAt(lc, at);
        }
      }
      return { line: 1, column: 1 };
    },
  };
}

function syntaxProblems(file: string, text: string) {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const lc = lineCounterFor(text);
  if (errors.length === 0) {
    // JSON.parse refused something jsonc-parser accepts (e.g. a lone surrogate): report it plainly.
    return [{ file, pointer: '', line: 1, column: 1, message: 'JSON 语法错误：文件不是有效的 JSON。' }];
  }
  // After the first error the parser is guessing, so later errors are mostly echoes: report the first.
  const e = errors[0]!;
  const { line, column } = positionAt(lc, Math.min(e.offset, text.length));
  const what = SYNTAX_ZH[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error);
  // Nothing but this line left after the error: the file was most likely cut off.
  const atEnd = e.offset + e.length >= text.trimEnd().length || !text.slice(e.offset).includes('\n');
  return [{
    file, pointer: '', line, column,
    message: `JSON 语法错误：${what}${atEnd ? '（文件在此处意外结束，可能被截断）' : ''}。`,
  }];
}
