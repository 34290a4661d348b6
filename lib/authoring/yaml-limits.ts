import { isScalar, visit, type Document } from 'yaml';

/**
 * Most keys one mapping of author YAML may have. Everything downstream of the form (content:check's loader,
 * the engine's fallback parser) asks the `yaml` package for unique keys, which scans the mapping for every
 * key: quadratic, 16 000 keys took 2.4 s. No scenario needs more than a few dozen keys in a mapping (the
 * labels of one pod, the 18 top-level fields), so 256 keeps that scan negligible.
 */
export const MAX_MAPPING_KEYS = 256;

/**
 * Offsets of the keys that repeat an earlier key of the same mapping, with the `yaml` package's notion of
 * equal keys (same node, or scalars whose values are `===`). The package's own `uniqueKeys` check scans
 * the mapping for every key (a 16 000-key mapping, 213 KiB, took 2.4 s to parse with it and 0.15 s
 * without); this is one Set per mapping, so linear.
 */
export function duplicateKeyOffsets(doc: Document.Parsed): number[] {
  const out: number[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // Non-scalar keys are compared by identity, so they never repeat; NaN !== NaN, but a Set would match it.
        if (!isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
        if (seen.has(pair.key.value)) out.push(pair.key.range?.[0] ?? 0);
        else seen.add(pair.key.value);
      }
    },
  });
  return out;
}

/** The first mapping of `doc` with more than MAX_MAPPING_KEYS keys (its key count and offset), or null. */
export function oversizedMapping(doc: Document.Parsed): { keys: number; offset: number } | null {
  let found: { keys: number; offset: number } | null = null;
  visit(doc, {
    Map(_key, map) {
      if (map.items.length <= MAX_MAPPING_KEYS) return undefined;
      found = { keys: map.items.length, offset: map.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

/** The error for a mapping over MAX_MAPPING_KEYS. */
export function tooManyKeysMessage(keys: number): string {
  return `yaml: too many keys: a mapping has ${keys} keys, must have at most ${MAX_MAPPING_KEYS}`;
}
