// The articles of a ruleset's source document (source.md), as the rules quote them: the paragraph
// after each marker **[二(一)2]**, less an editor's note 〔编者注：…〕, then each continuation
// （续 [二(一)2]）, each with the line it stands on; and the headings met before each article, for
// the rulebook's layout. Validation checks the rules' verbatim text against these paragraphs; the
// reports cite them where the rules have no text.

export interface SourceParagraph { text: string; line: number }

export interface SourceArticle {
  id: string;
  /** The paragraphs joined by line breaks, as a rule file's `text` holds them. */
  text: string;
  paragraphs: SourceParagraph[];
  /** Headings (## and ###) met since the previous article. */
  headings: { level: number; text: string }[];
}

// The header's own **[brackets]** (an explanation, mid-line) is not an article marker.
const ARTICLE = /^\*\*\[([一二三四五六七八九十]+\([一二三四五六七八九十]+\)[0-9]*)\]\*\*\s*(.*)$/;
const CONTINUED = /^（续 \[([^\]]+)\]）(.*)$/;
const HEADING = /^(#{2,3})\s+(.+)$/;
const EDITOR_NOTE = /〔编者注：[^〕]*〕/g;

/** Every article of the source, in document order. */
export function sourceArticles(source: string): SourceArticle[] {
  const out: SourceArticle[] = [];
  const byId = new Map<string, SourceArticle>();
  let headings: SourceArticle['headings'] = [];
  source.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    const a = ARTICLE.exec(line);
    const c = a ? null : CONTINUED.exec(line);
    const h = a || c ? null : HEADING.exec(line);
    if (a || c) {
      const id = (a ?? c)![1]!;
      const paragraph = { text: (a ?? c)![2]!.replace(EDITOR_NOTE, ''), line: i + 1 };
      let article = byId.get(id);
      if (!article) {
        byId.set(id, (article = { id, text: '', paragraphs: [], headings }));
        out.push(article);
        headings = [];
      }
      article.paragraphs.push(paragraph);
      article.text = article.paragraphs.map((p) => p.text).join('\n');
    } else if (h) {
      // A heading closes the headings of its level and below that held no article (一、工作目标).
      const level = h[1]!.length;
      headings = headings.filter((x) => x.level < level);
      headings.push({ level, text: h[2]! });
    }
  });
  return out;
}
