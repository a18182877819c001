// Escaping for the markup formats. Every piece of text from a log or the rules goes through one of
// these: a ref or a note may contain <, & or | and must print as written, never as markup.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value in HTML. */
export function escHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** Text or attribute value in XML 1.0; characters XML cannot carry at all are dropped. */
export function escXml(s: string): string {
  return escHtml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

/** Inline Markdown text: punctuation that CommonMark/GFM would read as syntax is backslash-escaped. */
export function escMd(s: string): string {
  return s.replace(/[\\`*_[\]<>|#~!]/g, (c) => '\\' + c).replace(/\r?\n/g, ' ');
}
