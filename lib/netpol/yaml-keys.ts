import { isScalar, visit, type Document } from 'yaml';

/**
 * Offsets of the keys that repeat an earlier key of the same mapping, with the `yaml` package's notion of
 * equal keys (same node, or scalars whose values are `===`), in document order. The package's own
 * `uniqueKeys` check scans the whole mapping for every new key: quadratic (a 256 KiB policy with one
 * 13,500-key mapping took 1.5–1.9 s to parse with it, against 0.1 s without); this is one Set per
 * mapping, so linear. Parse with `uniqueKeys: false` and call this on each document.
 */
export function duplicateKeyOffsets(doc: Document.Parsed): number[] {
  const out: number[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // Non-scalar keys (collections, aliases) are compared by identity, so they never repeat; NaN !== NaN,
        // but a Set would match it.
        if (!isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
        if (seen.has(pair.key.value)) out.push(pair.key.range?.[0] ?? 0);
        else seen.add(pair.key.value);
      }
    },
  });
  // visit() goes depth-first, a mapping's own keys after those of maps nested in its earlier values.
  return out.sort((a, b) => a - b);
}

/** One error of a parsed document: the `yaml` package's code and message, and the offset it points at. */
export type TYamlError = { code: string; message: string; offset: number | undefined };

/** The message the `yaml` package gives a duplicate key (with `uniqueKeys: true`). */
export const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

/**
 * The errors `doc` would have if it had been parsed with `uniqueKeys: true`, in the same order, for a document
 * parsed with `uniqueKeys: false`: its own errors with a DUPLICATE_KEY error merged in for every repeated key.
 * The package reports a duplicate right after composing the key, so it goes after the errors at or before
 * the key's offset and before the first one past it.
 */
export function errorsWithDuplicateKeys(doc: Document.Parsed): TYamlError[] {
  const own: TYamlError[] = doc.errors.map((e) => ({ code: e.code, message: e.message, offset: e.pos?.[0] }));
  const dups = duplicateKeyOffsets(doc);
  if (dups.length === 0) return own;
  const out: TYamlError[] = [];
  let i = 0;
  for (const offset of dups) {
    while (i < own.length && (own[i].offset ?? 0) <= offset) out.push(own[i++]);
    out.push({ code: 'DUPLICATE_KEY', message: DUPLICATE_KEY_MESSAGE, offset });
  }
  while (i < own.length) out.push(own[i++]);
  return out;
}
