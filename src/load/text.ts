// Reading an input file as text: size-limited, strict UTF-8, BOM stripped (Windows editors write one).
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../model/problem.js';

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function readText(file: string, maxBytes = DEFAULT_MAX_BYTES): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new InputError([{ file, pointer: '', message: '文件不存在或无法读取，请检查路径。' }]);
  }
  if (size > maxBytes) {
    throw new InputError([{
      file, pointer: '',
      message: `文件大小 ${size} 字节，超过上限 ${maxBytes} 字节（可用 --max-bytes 调整）。`,
    }]);
  }
  const bytes = readFileSync(file);
  if (bytes.length === 0) throw new InputError([{ file, pointer: '', message: '文件为空，应为 UTF-8 编码的文本。' }]);
  try {
    return utf8.decode(bytes); // the decoder drops a leading BOM itself
  } catch {
    const at = firstBadUtf8(bytes);
    throw new InputError([{ file, pointer: '', message: `第 ${at} 字节起不是有效的 UTF-8 编码，请以 UTF-8 保存文件。` }]);
  }
}

function firstBadUtf8(bytes: Uint8Array): number {
  // Binary search for the longest valid prefix; the decoder itself gives no offset.
  let lo = 0, hi = bytes.length;
  const probe = new TextDecoder('utf-8', { fatal: true });
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try { probe.decode(bytes.subarray(0, mid), { stream: true }); lo = mid; } catch { hi = mid - 1; }
  }
  return lo;
}
