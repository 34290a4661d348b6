import { isScalar, visit, type CST, type Document, type Pair, type YAMLMap } from 'yaml';

type SourceToken = { offset: number; source: string };

/** End offset of the last token, or `fallback` when there is none (the `end` of the yaml package's resolveProps). */
function endOf(tokens: readonly SourceToken[] | undefined, fallback: number): number {
  const last = tokens && tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
  return last ? last.offset + last.source.length : fallback;
}

/**
 * Where the yaml package points a DUPLICATE_KEY error for each pair of `map`: the `keyStart` of its
 * resolveBlockMap / resolveFlowCollection, which is the end of the item's leading tokens, else the end of the
 * previous value (so `a:` with an empty value puts the next key's error at the end of that line). The loop
 * below replays the package's offset bookkeeping over the map's source tokens. Null when the document was
 * parsed without `keepSourceTokens`.
 */
function keyStarts(map: YAMLMap): Map<unknown, number> | null {
  const src = map.srcToken as CST.BlockMap | CST.FlowCollection | undefined;
  if (!src || (src.type !== 'block-map' && src.type !== 'flow-collection')) return null;
  const pairOf = new Map<unknown, Pair>();
  for (const pair of map.items) {
    if (!pair.srcToken) return null;
    pairOf.set(pair.srcToken, pair);
  }
  const flow = src.type === 'flow-collection';
  let offset = flow ? src.offset + src.start.source.length : src.offset;
  const out = new Map<unknown, number>();
  for (const item of src.items) {
    const pair = pairOf.get(item);
    const propsEnd = endOf(item.start, offset);
    if (!pair) {
      // An item the composer skipped (a comment, an empty flow item): only a flow collection moves past it.
      if (flow) offset = propsEnd;
      continue;
    }
    out.set(pair, propsEnd);
    const value = pair.value as { range?: [number, number, number] } | null;
    const key = pair.key as { range?: [number, number, number] } | null;
    offset = value?.range ? value.range[2] : endOf('sep' in item ? item.sep : undefined, key?.range?.[2] ?? propsEnd);
  }
  return out;
}

/**
 * Offsets of the keys that repeat an earlier key of the same mapping, with the `yaml` package's notion of
 * equal keys (same node, or scalars whose values are `===`), in document order. The package's own
 * `uniqueKeys` check scans the whole mapping for every new key: quadratic (a 256 KiB policy with one
 * 13,500-key mapping took 1.5–1.9 s to parse with it, against 0.1 s without); this is one Set per
 * mapping, so linear. Parse with `uniqueKeys: false`. Each offset is the key's own start, or, when the
 * document was parsed with `keepSourceTokens: true`, exactly where the package's own error would point.
 */
export function duplicateKeyOffsets(doc: Document.Parsed): number[] {
  const out: number[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      let starts: Map<unknown, number> | null | undefined;
      for (const pair of map.items) {
        // Non-scalar keys (collections, aliases) are compared by identity, so they never repeat; NaN !== NaN,
        // but a Set would match it.
        if (!isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
        if (!seen.has(pair.key.value)) {
          seen.add(pair.key.value);
          continue;
        }
        // Replayed once per mapping, and only for one with a repeated key.
        if (starts === undefined) starts = keyStarts(map);
        out.push(starts?.get(pair) ?? pair.key.range?.[0] ?? 0);
      }
    },
  });
  // visit() reports a mapping's own repeated keys before those of the maps nested in it: sort into document order.
  return out.sort((a, b) => a - b);
}

/** One error of a parsed document: the `yaml` package's code and message, and the offset it points at. */
export type TYamlError = { code: string; message: string; offset: number | undefined };

/** The message the `yaml` package gives a duplicate key (with `uniqueKeys: true`). */
export const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

/**
 * The errors `doc` would have if it had been parsed with `uniqueKeys: true`, in the same order, for a document
 * parsed with `uniqueKeys: false` and `keepSourceTokens: true`: its own errors with a DUPLICATE_KEY error
 * merged in for every repeated key. The package reports a duplicate right after composing the key, so it goes
 * after the errors at or before its offset and before the first one past it.
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
