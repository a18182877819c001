// Writing a file the user named (--out). Failing to is no fault of the input, so it has its own
// heading, and the reason in words rather than an errno code.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath, fileLabel } from '../model/display-path.js';

/** An output file that could not be written: main.ts prints the message and exits 2. */
export class OutputError extends Error {
  override name = 'OutputError';
}

export function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new OutputError(`xuncha：无法写入输出文件 ${fileLabel(file)}：${reason(code, file)}。\n`);
  }
}

function reason(code: string, file: string): string {
  switch (code) {
    case 'ENOENT': return `目录 ${displayPath(dirname(resolve(file)))} 不存在；请先建立它，或换一个路径`;
    case 'ENOTDIR': return '路径中有一段是文件而不是目录';
    case 'EISDIR': return '这是一个目录；请给出其中的文件名';
    case 'EACCES': case 'EPERM': return '没有写入权限';
    case 'EROFS': return '所在的磁盘是只读的';
    case 'ENOSPC': case 'EDQUOT': return '磁盘空间不足';
    case 'ENAMETOOLONG': return '文件名过长';
    default: return `系统错误 ${code || '（未知）'}`;
  }
}
