import { LineCounter, parseDocument, stringify } from 'yaml';
import { parseScenarioYaml, type ParseResult } from '@/lib/scenarios/parse-scenario';
import { hashContent } from '@/lib/scenarios/load-content';
import type { TScenario } from '@/lib/scenarios/schema';
import { oversizedMapping, tooManyKeysMessage } from './yaml-limits';

/** Key order of an exported scenario file: the order content/README.md documents. */
export const SCENARIO_KEY_ORDER = [
  'slug',
  'title',
  'kind',
  'difficulty',
  'timeMinutes',
  'topics',
  'namespace',
  'task',
  'cluster',
  'existingPolicies',
  'starter',
  'requirements',
  'ports',
  'expectations',
  'solution',
  'explanation',
  'hints',
  'denyAllIsAnswer',
] as const;

/** Orders a scenario-like object's keys as a content file does; keys the format does not know keep their place at the end. */
export function orderScenarioKeys(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of SCENARIO_KEY_ORDER) if (doc[k] !== undefined) out[k] = doc[k];
  for (const k of Object.keys(doc)) if (!(k in out) && doc[k] !== undefined) out[k] = doc[k];
  return out;
}

/**
 * Writes a scenario as a content file (content/scenarios/<slug>.yaml). Defaults that the schema fills in
 * again (`requirements: []`, `denyAllIsAnswer: false`) are left out so exported files read like hand-written ones;
 * multi-line strings become literal blocks. `importScenarioYaml(exportScenarioYaml(s))` gives `s` back.
 */
export function exportScenarioYaml(scenario: TScenario): string {
  const doc: Record<string, unknown> = { ...scenario };
  if (scenario.requirements.length === 0) delete doc.requirements;
  if (!scenario.denyAllIsAnswer) delete doc.denyAllIsAnswer;
  return stringifyScenarioDocument(doc);
}

/** YAML text of a (possibly invalid) scenario document in content-file key order. */
export function stringifyScenarioDocument(doc: Record<string, unknown>): string {
  // lineWidth 0: never fold long lines (a folded task would change nothing, but diffs read better unfolded).
  return stringify(orderScenarioKeys(doc), { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
}

/** Parses an uploaded scenario file with the same validation as content:check's loader. */
export function importScenarioYaml(text: string): ParseResult<TScenario> {
  // Linear pre-scan (no unique-key check) so that an oversized mapping is refused before the quadratic one.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const big = oversizedMapping(doc);
  if (big) {
    const pos = lineCounter.linePos(big.offset);
    return { content: null, errors: [{ path: '', message: tooManyKeysMessage(big.keys), line: pos.line, column: pos.col }] };
  }
  return parseScenarioYaml(text);
}

/** The content hash stored with a Scenario row (same function as the content seeder). */
export function scenarioHash(scenario: TScenario): string {
  return hashContent(scenario);
}
