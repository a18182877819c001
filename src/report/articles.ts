// Article texts for the reports. The rules carry each article's verbatim text; the source document
// is the fallback for an id the rules do not list (yet), so that a citation is never left empty.
import { sourceArticles } from '../load/source-articles.js';
import type { Finding } from '../model/finding.js';
import { CONSISTENCY_ARTICLE, type Rules, type Ruleset } from '../model/rules.js';

export interface CitedArticle {
  /** Unique across rulesets, for footnote numbering. */
  key: string;
  id: string;
  text: string;
  ruleset: Ruleset;
}

/** Article lookup shared by the formatters of one run. */
export class ArticleBook {
  private readonly texts = new Map<Ruleset, Map<string, string>>();
  private readonly rulesetOfDuty = new Map<string, Ruleset>();

  constructor(private readonly rules: Rules) {
    for (const rs of rules.rulesets) {
      const m = new Map(sourceArticles(rs.sourceText).map((a) => [a.id, a.text]));
      for (const a of rs.articles) m.set(a.id, a.text);
      this.texts.set(rs, m);
      // Newest ruleset last, so it wins for a duty id that several rulesets share.
      for (const d of rs.duties) this.rulesetOfDuty.set(d.id, rs);
    }
  }

  /** The ruleset a finding was judged by (the newest one that has its duty). */
  rulesetOf(f: Pick<Finding, 'rule'>): Ruleset {
    return this.rulesetOfDuty.get(f.rule) ?? this.rules.rulesets[this.rules.rulesets.length - 1]!;
  }

  cite(rs: Ruleset, id: string): CitedArticle {
    const text = this.texts.get(rs)?.get(id)
      ?? (id === CONSISTENCY_ARTICLE && this.rules.consistencyText ? this.rules.consistencyText : '（规则集中没有此条款的原文）');
    return { key: `${rs.id}:${id}`, id, text, ruleset: rs };
  }

  /** The article a finding rests on. */
  article(f: Pick<Finding, 'rule' | 'article'>): CitedArticle {
    return this.cite(this.rulesetOf(f), f.article);
  }

  /** The accountability clause a finding points to, if any. */
  accountability(f: Pick<Finding, 'rule' | 'accountability'>): CitedArticle | null {
    return f.accountability ? this.cite(this.rulesetOf(f), f.accountability) : null;
  }
}
