// How input problems reach the user: one block per problem, all at once, exit code 2. Text: the
// place (file:line:column, then the JSON pointer and, inside an event, the event's id), then what
// was found and what is expected.
// JSON (xuncha-errors/1): the same fields, the pointer unabridged; remarks on the list (cut short) apart,
// under `notes`.
import { displayPath, fileLabel } from '../model/display-path.js';
import type { Problem } from '../model/problem.js';
import { show } from '../model/show.js';
import { jsonText } from '../report/json.js';

export function formatProblems(problems: readonly Problem[]): string {
  const lines = [`xuncha：输入有误，未进行任何检查（共 ${problems.filter((p) => !p.note).length} 处问题）。`, ''];
  for (const p of problems) {
    const pos = p.line !== undefined ? `:${p.line}:${p.column}` : '';
    const event = p.event !== undefined ? `（事件 ${idZh(p.event)}）` : '';
    lines.push(`${fileLabel(p.file)}${pos}${p.pointer ? `  ${clip(p.pointer)}${event}` : ''}`);
    lines.push(`  ${p.message}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function problemsJson(problems: readonly Problem[], indent: boolean): string {
  return jsonText({
    format: 'xuncha-errors/1',
    errors: problems.filter((p) => !p.note).map((p) => ({
      file: displayPath(p.file),
      pointer: p.pointer,
      line: p.line ?? null,
      column: p.column ?? null,
      message: p.message,
    })),
    notes: problems.filter((p) => p.note).map((p) => ({ file: displayPath(p.file), message: p.message })),
  }, indent);
}

/** An event id as the clerk typed it and would search for it; quoted (and clipped) when it has
 *  spaces or control characters, or is long. */
function idZh(id: string): string {
  return /^[^\s\p{Cc}"]{1,40}$/u.test(id) ? id : show(id);
}

/** A pointer as a reader can take it in: a 100,000-character key is cut, not printed. */
function clip(pointer: string): string {
  return pointer.length > 160 ? pointer.slice(0, 157) + '…' : pointer;
}
