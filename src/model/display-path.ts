// How a file is named to the user, in messages and reports alike. A file inside the current
// directory is named relative to it, as the clerk would type it; any other file by its absolute
// path, never as a climb out of the current directory ("../../tmp/轮次.json", "../../dev/stdin").
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Where `xuncha check -` reads its log from. */
export const STDIN = '/dev/stdin';

/** The file as a path (for JSON, SARIF and JUnit fields): relative inside the current directory, else absolute. */
export function displayPath(file: string): string {
  const absolute = resolve(file);
  const rel = relative(process.cwd(), absolute);
  if (rel === '') return file; // the current directory itself
  if (rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return absolute; // isAbsolute: another Windows drive
  return rel;
}

/** The file as prose names it: standard input in words, any other file as displayPath. */
export function fileLabel(file: string): string {
  return file === '-' || file === STDIN ? '标准输入' : displayPath(file);
}
