import { visit, type Document } from 'yaml';

/**
 * Most keys one mapping of author YAML may have. content:check's loader asks the `yaml` package for unique
 * keys, which scans the mapping for every key: quadratic, 16 000 keys took 2.4 s (the engine's fallback
 * parser checks them in linear time since, lib/netpol/yaml-keys.ts). No scenario needs more than a few
 * dozen keys in a mapping (the labels of one pod, the 18 top-level fields), so 256 keeps that scan negligible.
 */
export const MAX_MAPPING_KEYS = 256;

/** Offsets of the keys that repeat an earlier key of their mapping (linear); shared with the engine's fallback parser. */
export { duplicateKeyOffsets } from '@/lib/netpol/yaml-keys';

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
