import type { TDrill, TTopic } from '@/lib/scenarios/schema';
import { createRandom, shuffle } from './random';

/** What task selection needs to know about a published scenario. */
export type TScenarioMeta = { slug: string; title: string; kind: 'write' | 'predict'; difficulty: number; topics: readonly string[] };

/** A selection rule (a drill file's `rule`, or what "build your own" sends). */
export type TDrillRule = NonNullable<TDrill['rule']>;

/** The outcome of resolving a drill to tasks: the chosen slugs in order, or why that is impossible. */
export type TPickResult = { ok: true; slugs: string[] } | { ok: false; message: string };

/** True when a scenario satisfies every condition of the rule (topics: any one of them). */
export function matchesRule(s: TScenarioMeta, rule: TDrillRule): boolean {
  if (rule.topics && !rule.topics.some((t: TTopic) => s.topics.includes(t))) return false;
  if (rule.kinds && !rule.kinds.includes(s.kind)) return false;
  if (rule.maxDifficulty !== undefined && s.difficulty > rule.maxDifficulty) return false;
  if (rule.minDifficulty !== undefined && s.difficulty < rule.minDifficulty) return false;
  return true;
}

/**
 * Picks `rule.count` distinct scenarios matching the rule, at random but reproducibly from `seed`; the tasks come
 * out easiest first (like an exam paper that warms up), ties in the random order. Fails when too few match.
 */
export function pickByRule(rule: TDrillRule, catalog: readonly TScenarioMeta[], seed: string): TPickResult {
  // Sorting the candidates first makes the pick independent of the catalog's order.
  const candidates = catalog.filter((s) => matchesRule(s, rule)).sort((a, b) => a.slug.localeCompare(b.slug));
  if (candidates.length < rule.count) {
    return { ok: false, message: `only ${candidates.length} published scenario${candidates.length === 1 ? '' : 's'} match this drill's rule, it needs ${rule.count}` };
  }
  const chosen = shuffle(candidates, createRandom(seed)).slice(0, rule.count);
  const order = new Map(chosen.map((s, i) => [s.slug, i]));
  chosen.sort((a, b) => a.difficulty - b.difficulty || (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0));
  return { ok: true, slugs: chosen.map((s) => s.slug) };
}

/** Checks a fixed list against the catalog: every slug published, no duplicates; keeps the author's order. */
export function checkFixedList(slugs: readonly string[], catalog: readonly TScenarioMeta[]): TPickResult {
  const known = new Set(catalog.map((s) => s.slug));
  const missing = slugs.filter((s) => !known.has(s));
  if (missing.length > 0) return { ok: false, message: `no published scenario ${missing.map((s) => `\`${s}\``).join(', ')}` };
  const seen = new Set<string>();
  for (const s of slugs) {
    if (seen.has(s)) return { ok: false, message: `scenario \`${s}\` is listed twice` };
    seen.add(s);
  }
  return { ok: true, slugs: [...slugs] };
}

/** The tasks of a drill file: its fixed list, or a seeded pick by its rule. */
export function resolveDrill(drill: Pick<TDrill, 'scenarios' | 'rule'>, catalog: readonly TScenarioMeta[], seed: string): TPickResult {
  if (drill.scenarios) return checkFixedList(drill.scenarios, catalog);
  if (drill.rule) return pickByRule(drill.rule, catalog, seed);
  return { ok: false, message: 'the drill has neither `scenarios` nor `rule`' };
}
