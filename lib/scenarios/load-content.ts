import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseDrillYaml, parseScenarioYaml, type ParseResult } from './parse-scenario';
import type { TDrill, TScenario } from './schema';

// Re-exported for callers that already import the loader; client code should import ./parse-scenario (no node:fs).
export { parseDrillYaml, parseScenarioYaml } from './parse-scenario';

/** One loaded content file: its slug, path relative to the content root, validated content and version hash. */
export type LoadedFile<T> = { slug: string; file: string; content: T; hash: string };

/** One problem in a content file (path-qualified message; line when the YAML shows where). */
export type LoadError = { file: string; line?: number; column?: number; message: string };

/** Everything under a content root. */
export type LoadedContent = { scenarios: LoadedFile<TScenario>[]; drills: LoadedFile<TDrill>[]; errors: LoadError[] };

/** Reads `<rootDir>/scenarios/*.yaml` and `<rootDir>/drills/*.yaml`, validates them and hashes each (the only fs-touching module here). */
export function loadContent(rootDir: string): LoadedContent {
  const errors: LoadError[] = [];
  const scenarios = loadDir(rootDir, 'scenarios', parseScenarioYaml, errors);
  const drills = loadDir(rootDir, 'drills', parseDrillYaml, errors);
  const known = new Set(scenarios.map((s) => s.slug));
  for (const d of drills) {
    (d.content.scenarios ?? []).forEach((slug, i) => {
      if (!known.has(slug)) errors.push({ file: d.file, message: `scenarios[${i}]: unknown scenario \`${slug}\`` });
    });
  }
  return { scenarios, drills, errors };
}

function loadDir<T extends { slug: string }>(
  rootDir: string,
  sub: string,
  parse: (text: string) => ParseResult<T>,
  errors: LoadError[],
): LoadedFile<T>[] {
  const dir = path.join(rootDir, sub);
  if (!existsSync(dir)) return [];
  const out: LoadedFile<T>[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const file = path.join(sub, name);
    const text = readFileSync(path.join(dir, name), 'utf8');
    const { content, errors: errs } = parse(text);
    for (const e of errs) errors.push({ file, line: e.line, column: e.column, message: e.path ? `${e.path}: ${e.message}` : e.message });
    if (!content) continue;
    const expected = name.replace(/\.ya?ml$/, '');
    if (content.slug !== expected) {
      errors.push({ file, line: 1, message: `slug: \`${content.slug}\` must equal the file name \`${expected}\`` });
      continue;
    }
    out.push({ slug: content.slug, file, content, hash: hashContent(content) });
  }
  return out;
}

/** sha256 (hex) of the canonical JSON of validated content: key order and YAML formatting do not change it. */
export function hashContent(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** JSON with object keys sorted at every level (stable across key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}
