// A YAML input (rule files): parsed with positions kept, so every later problem can cite file:line:col.
import { isNode, isPair, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { InputError, type Problem } from '../model/problem.js';
import { pointerSegments, positionAt, type Position } from './positions.js';
import { readText } from './text.js';
import { explainYamlError, fullWidthColonKeys, TOO_DEEP, UNRESOLVED_ALIAS } from './yaml-errors.js';
import { joinCjkFolds } from './yaml-fold.js';

export interface YamlFile {
  file: string;
  text: string;
  data: unknown;
  locate(pointer: string): Position;
}

/** yaml's default (100) lets a small alias bomb expand to millions of nodes before toJS gives up. */
const MAX_ALIAS_COUNT = 50;

export function loadYaml(file: string, maxBytes?: number): YamlFile {
  const text = readText(file, maxBytes);
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    // yaml catches its own stack overflows as errors; this is the net for any it does not.
    if (e instanceof RangeError) throw new InputError([{ file, pointer: '', line: 1, column: 1, message: `YAML 无法解析：${TOO_DEEP}` }]);
    throw e;
  }
  // After a syntax error the parser is guessing, so later errors are mostly echoes of it: report
  // the first, and any repeated key (those stand on their own).
  const errors = doc.errors.filter((e, i) => i === 0 || e.code === 'DUPLICATE_KEY');
  const problems: Problem[] = errors.map((e) => ({ file, pointer: '', ...explainYamlError(e, doc, text, lineCounter) }));
  if (!problems.length) problems.push(...fullWidthColonKeys(doc, lineCounter).map((p) => ({ file, pointer: '', ...p })));
  if (problems.length) throw new InputError(problems);
  joinCjkFolds(doc, text);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof RangeError) throw new InputError([{ file, pointer: '', line: 1, column: 1, message: `YAML 无法解析：${TOO_DEEP}` }]);
    // yaml finds an alias with no anchor only here (a value written "*注……" is one).
    const alias = /Unresolved alias/.test((e as Error).message) ? unresolvedAlias(doc) : undefined;
    if (alias !== undefined) {
      const error = { code: UNRESOLVED_ALIAS, message: (e as Error).message, pos: [alias] as const };
      throw new InputError([{ file, pointer: '', ...explainYamlError(error, doc, text, lineCounter) }]);
    }
    throw new InputError([{
      file, pointer: '', line: 1, column: 1,
      message: `YAML 别名（*alias）展开过多（上限 ${MAX_ALIAS_COUNT}），疑似别名炸弹：${(e as Error).message}`,
    }]);
  }
  return { file, text, data, locate: (pointer) => locateIn(doc, lineCounter, pointer) };
}

function locateIn(doc: Document, lc: LineCounter, pointer: string): Position {
  const segs = pointerSegments(pointer);
  for (let n = segs.length; n >= 0; n--) {
    const node = doc.getIn(segs.slice(0, n), true);
    if (isNode(node) && node.range) {
      // Point at the key of the last segment when there is one: that is where a reader looks.
      const parent = n > 0 ? doc.getIn(segs.slice(0, n - 1), true) : null;
      if (isNode(parent) && 'items' in parent) {
        for (const item of (parent as { items: unknown[] }).items) {
          if (isPair(item) && isNode(item.key) && item.value === node && item.key.range) {
            return positionAt(lc, item.key.range[0]);
          }
        }
      }
      return positionAt(lc, node.range[0]);
    }
  }
  return { line: 1, column: 1 };
}

/** Where the first alias that names no anchor before it stands. */
function unresolvedAlias(doc: Document): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.range && !node.resolve(doc)) { at = node.range[0]; return visit.BREAK; }
    },
  });
  return at;
}
