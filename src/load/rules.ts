// Reading the rules folder: every YAML file parsed with positions. Problems of all files are
// gathered before anything is raised, so a rule editor sees every mistake at once.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Problem } from '../model/problem.js';
import { readText } from './text.js';
import { loadYaml, type YamlFile } from './yaml-file.js';

export interface RawRuleset {
  dir: string;
  ruleset: YamlFile;
  patterns: YamlFile | null;
  sections: YamlFile[];
  sourceFile: string;
  sourceText: string | null;
}

export interface RawRules {
  dir: string;
  agencies: YamlFile;
  events: YamlFile;
  /** Data-consistency checks (数据核对), not tied to any article. */
  consistency: YamlFile | null;
  calendar: YamlFile[];
  rulesets: RawRuleset[];
}

const yamlFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f)) : [];

export function loadRules(dir: string): RawRules {
  const problems: Problem[] = [];
  const load = (file: string): YamlFile | null => {
    try {
      return loadYaml(file);
    } catch (e) {
      if (e instanceof InputError) { problems.push(...e.problems); return null; }
      throw e;
    }
  };
  if (!existsSync(dir)) throw new InputError([{ file: dir, pointer: '', message: '规则目录不存在。' }]);
  const agencies = load(join(dir, 'agencies.yaml'));
  const events = load(join(dir, 'events.yaml'));
  const consistencyFile = join(dir, 'consistency.yaml');
  const consistency = existsSync(consistencyFile) ? load(consistencyFile) : null;
  const calendar = yamlFiles(join(dir, 'calendar')).map(load).filter((f): f is YamlFile => f !== null);
  const rulesetsDir = join(dir, 'rulesets');
  const rulesets: RawRuleset[] = [];
  const rulesetDirs = existsSync(rulesetsDir)
    ? readdirSync(rulesetsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(rulesetsDir, d.name)).sort()
    : [];
  if (rulesetDirs.length === 0) problems.push({ file: rulesetsDir, pointer: '', message: '没有规则集：应在 rules/rulesets/<名称>/ 下放置 ruleset.yaml。' });
  for (const rdir of rulesetDirs) {
    const ruleset = load(join(rdir, 'ruleset.yaml'));
    const patternsFile = join(rdir, 'patterns.yaml');
    const patterns = existsSync(patternsFile) ? load(patternsFile) : null;
    const sections = yamlFiles(join(rdir, 'sections')).map(load).filter((f): f is YamlFile => f !== null);
    const src = ruleset && typeof (ruleset.data as { source?: unknown })?.source === 'string'
      ? join(rdir, (ruleset.data as { source: string }).source) : join(rdir, 'source.md');
    let sourceText: string | null = null;
    try { sourceText = readText(src); } catch (e) { if (e instanceof InputError) problems.push(...e.problems); else throw e; }
    if (ruleset) rulesets.push({ dir: rdir, ruleset, patterns, sections, sourceFile: src, sourceText });
  }
  if (problems.length || !agencies || !events) throw new InputError(problems);
  return { dir, agencies, events, consistency, calendar, rulesets };
}
