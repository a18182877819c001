// Reading an input file as text: size-limited (the limit holds even for a pipe or a device, which
// report no size), strict UTF-8, BOM stripped (Windows editors write one).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { STDIN } from '../model/display-path.js';
import { InputError } from '../model/problem.js';

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const CHUNK = 1 << 16;

/** A file's text and the bytes it was decoded from (hashed as they are, so sha256sum agrees). */
export interface TextInput { text: string; bytes: Uint8Array }

export function readText(file: string, maxBytes = DEFAULT_MAX_BYTES): string {
  return readInput(file, maxBytes).text;
}

export function readInput(file: string, maxBytes = DEFAULT_MAX_BYTES): TextInput {
  const fail = (message: string, place?: { line: number; column: number }): never => {
    throw new InputError([{ file, pointer: '', ...place, message }]);
  };
  const bytes = readBounded(file, maxBytes, fail);
  if (bytes.length === 0) fail('文件为空（0 字节）；应为 UTF-8 编码的案卷日志或规则文本。');
  try {
    return { text: utf8.decode(bytes), bytes }; // the decoder drops a leading BOM itself
  } catch {
    const bad = firstBadUtf8(bytes);
    const hex = [...bytes.subarray(bad.offset, bad.offset + 4)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return fail(`第 ${bad.offset + 1} 字节（第 ${bad.line} 行第 ${bad.column} 列）起不是有效的 UTF-8 编码（字节 ${hex}）；${encodingHint(bytes)}`, bad);
  }
}

function readBounded(file: string, maxBytes: number, fail: (m: string) => never): Buffer {
  // Standard input is read from its descriptor: /dev/stdin cannot be opened when it is a socket, as
  // it is for a program started by another (Node's child_process gives its children sockets).
  const stdin = file === STDIN;
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(file, 'r');
  } catch (e) {
    const code = (e as { code?: string }).code;
    return fail(code === 'EACCES' || code === 'EPERM' ? '没有读取此文件的权限。' : '文件不存在或无法读取，请检查路径。');
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) fail('这是一个文件夹，不是文件；请给出其中的 JSON 文件。');
    const mb = maxBytes >= 1048576 ? `约 ${(maxBytes / 1048576).toFixed(1)} MB；` : '';
    const tooBig = (size: string) => fail(`文件大小${size}超过上限 ${maxBytes} 字节（${mb}可用 --max-bytes 调整）。`);
    if (st.isFile() && st.size > maxBytes) tooBig(` ${st.size} 字节，`);
    // Read at most maxBytes + 1 whatever the file claims: a pipe or a device has no size.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(st.isFile() ? Math.max(st.size, 1) : CHUNK, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        return fail((e as { code?: string }).code === 'EISDIR' ? '这是一个文件夹，不是文件；请给出其中的 JSON 文件。' : '文件无法读取。');
      }
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) tooBig('');
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    if (!stdin) closeSync(fd);
  }
}

/** Where the first invalid sequence starts, as byte offset and line:column of the text before it. */
function firstBadUtf8(bytes: Uint8Array): { offset: number; line: number; column: number } {
  // A lenient decode turns each bad sequence into U+FFFD; the first U+FFFD that the file does not
  // literally contain (EF BF BD) marks it. The BOM is kept so that byte counts line up.
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  let offset = 0, at = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    offset = Buffer.byteLength(text.slice(0, i), 'utf8');
    at = i;
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break;
  }
  const before = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { offset, line, column: before.length - lineStart + 1 };
}

function encodingHint(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return '文件是 UTF-16 编码（Windows 记事本的“Unicode”），请另存为 UTF-8。';
  }
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return '文件看起来是 GBK/GB18030 编码（中文 Windows 的默认编码），请在编辑器中另存为 UTF-8。';
  } catch {
    return '请以 UTF-8 编码保存文件。';
  }
}
