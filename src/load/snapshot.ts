// A snapshot of the validated rules, written by the build. Parsing and validating ~25 YAML files
// took most of a check's start-up (about 0.6 s of 0.7 s, measured here), so a check reads this JSON
// instead, but only while its fingerprint (the sha256 of every file under rules/) still matches:
// an edited rule file silently falls back to the full load, so the snapshot is never stale.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Agency, Duty, EventType, Rules, Ruleset } from '../model/rules.js';

interface SnapshotFile {
  format: 'xuncha-rules-snapshot/1';
  fingerprint: string;
  rules: Omit<Rules, 'agencyByName' | 'events' | 'fieldNames' | 'rulesets'> & {
    agencyByName: [string, string][];
    events: EventType[];
    fieldNames: [string, string][];
    rulesets: (Omit<Ruleset, 'articles'> & { articles: (Omit<Ruleset['articles'][number], 'duties'> & { duties: string[] })[] })[];
  };
}

/** sha256 over the names and contents of every file under the rules folder. */
export function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else hash.update(relative(dir, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

export function writeSnapshot(file: string, rules: Rules, print: string): void {
  const snapshot: SnapshotFile = {
    format: 'xuncha-rules-snapshot/1',
    fingerprint: print,
    rules: {
      ...rules,
      agencyByName: [...rules.agencyByName].map(([name, a]) => [name, a.id]),
      events: [...rules.events.values()],
      fieldNames: [...rules.fieldNames],
      rulesets: rules.rulesets.map((rs) => ({ ...rs, articles: rs.articles.map((a) => ({ ...a, duties: a.duties.map((d) => d.id) })) })),
    },
  };
  writeFileSync(file, JSON.stringify(snapshot));
}

/** The rules of the snapshot, or null when there is none or the rules have changed since. */
export function readSnapshot(file: string, print: string): Rules | null {
  if (!existsSync(file)) return null;
  let s: SnapshotFile;
  try {
    s = JSON.parse(readFileSync(file, 'utf8')) as SnapshotFile;
  } catch {
    return null; // a damaged snapshot is only a lost shortcut: read the rules themselves
  }
  if (s?.format !== 'xuncha-rules-snapshot/1' || s.fingerprint !== print) return null;
  const r = s.rules;
  const agencies = new Map<string, Agency>(r.agencies.map((a) => [a.id, a]));
  return {
    ...r,
    agencyByName: new Map(r.agencyByName.map(([name, id]) => [name, agencies.get(id)!])),
    events: new Map(r.events.map((e) => [e.type, e])),
    fieldNames: new Map(r.fieldNames),
    rulesets: r.rulesets.map((rs) => {
      // One Duty object per duty, shared by the ruleset and its article, as after a full load.
      const byId = new Map<string, Duty>(rs.duties.map((d) => [d.id, d]));
      return { ...rs, articles: rs.articles.map((a) => ({ ...a, duties: a.duties.map((id) => byId.get(id)!) })) };
    }),
  };
}
