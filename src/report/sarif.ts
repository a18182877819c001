// --format sarif: SARIF 2.1.0 (schemas/sarif-2.1.0.schema.json), for CI systems that show findings
// inline. One run for all logs; every duty is a rule carrying its article and verbatim text; every
// finding points at its first evidence event in the log, by line:column and JSON pointer.
import { readFileSync } from 'node:fs';
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { displayPath } from '../model/display-path.js';
import type { CheckResult, Finding } from '../model/finding.js';
import type { Duty } from '../model/rules.js';
import { ArticleBook } from './articles.js';
import type { ReportContext } from './index.js';
import { jsonText } from './json.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const LEVEL = { violation: 'error', advisory: 'warning', pending: 'note' } as const;
type Level = (typeof LEVEL)[keyof typeof LEVEL];

interface Location {
  id?: number;
  physicalLocation: {
    artifactLocation: { uri: string; index: number };
    region?: { startLine: number; startColumn: number };
  };
  message?: { text: string };
  properties: { pointer: string; event: string };
}

export function formatSarif(results: CheckResult[], ctx: ReportContext): string {
  const book = new ArticleBook(ctx.rules);
  // Newest ruleset first, so that a duty id shared by several rulesets describes the one in force.
  const duties = new Map<string, Duty>();
  for (const rs of [...ctx.rules.rulesets].reverse()) for (const d of rs.duties) if (!duties.has(d.id)) duties.set(d.id, d);
  const ruleIndex = new Map([...duties.keys()].map((id, i) => [id, i]));
  const rules = [...duties.values()].map((d) => {
    const a = book.cite(book.rulesetOf({ rule: d.id }), d.article);
    return {
      id: d.id,
      name: d.title,
      shortDescription: { text: d.title },
      fullDescription: { text: `${a.id} ${a.text}` },
      help: { text: `依据 ${a.id}：${a.text}\n本义务所据原文：“${d.quote}”` },
      defaultConfiguration: { level: (d.severity === 'violation' ? 'error' : 'warning') as Level },
      properties: {
        article: d.article, severity: d.severity, accountability: d.accountability, quote: d.quote,
        check: d.check, party: d.party, interpretations: d.interpretations,
      },
    };
  });
  const sarif = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0' as const,
    runs: [{
      tool: { driver: { name: 'xuncha', version: pkg.version, semanticVersion: pkg.version, rules } },
      columnKind: 'utf16CodeUnits' as const,
      artifacts: results.map((r) => ({
        location: { uri: uriOf(r.file) },
        mimeType: 'application/json',
        hashes: { 'sha-256': r.logSha256 },
        roles: ['analysisTarget' as const],
      })),
      results: results.flatMap((r, artifact) => r.findings.map((f) => {
        const [primary, ...related] = f.evidence.map((id) => locationOf(r, artifact, id)).filter((l): l is Location => l !== undefined);
        const index = ruleIndex.get(f.rule);
        return {
          ruleId: f.rule,
          ...(index === undefined ? {} : { ruleIndex: index }),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [primary ?? { physicalLocation: { artifactLocation: { uri: uriOf(r.file), index: artifact } } }],
          ...(related.length ? { relatedLocations: related.map((l, i) => ({ ...l, id: i + 1, message: { text: `证据事件 ${l.properties.event}` } })) } : {}),
          partialFingerprints: { 'xunchaFinding/v1': [f.rule, f.evidence.join(','), f.due ?? ''].join('|') },
          properties: props(r, f, primary),
        };
      })),
      properties: { asOf: results[0]?.asOf, ruleset: results[0]?.ruleset, rounds: results.map((r) => r.round) },
    }],
  };
  return jsonText(sarif, ctx.indent);
}

function locationOf(r: CheckResult, artifact: number, event: string): Location | undefined {
  const i = r.eventIndex.get(event);
  if (i === undefined) return undefined;
  const pointer = `/events/${i}`;
  const at = r.locate?.(pointer);
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(r.file), index: artifact },
      ...(at ? { region: { startLine: at.line, startColumn: at.column } } : {}),
    },
    properties: { pointer, event },
  };
}

function props(r: CheckResult, f: Finding, primary: Location | undefined) {
  return {
    pointer: primary?.properties.pointer ?? '',
    round: r.round.id, agency: f.agency, article: f.article, severity: f.severity, kind: f.kind,
    ref: f.ref, unit: f.unit, start: f.start, due: f.due, done: f.done, left: f.left,
    evidence: f.evidence, counting: f.counting, accountability: f.accountability, interpretations: f.interpretations,
  };
}

/** A log's URI: inside the current directory a relative reference (forward slashes, each segment
 *  percent-encoded: 我的轮次.json), any other file an absolute file: URI. */
function uriOf(file: string): string {
  const path = displayPath(file);
  return isAbsolute(path) ? pathToFileURL(path).href : path.split(sep).map(encodeURIComponent).join('/');
}
