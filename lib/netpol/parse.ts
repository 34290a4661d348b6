import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Document as YamlDocument, Node as YamlNode } from 'yaml';
import type { Diagnostic, ParseOptions, ParseResult, ParsedObject, SourcePos } from './types';
import { fastParseDocuments, YAML11_BOOLEANS } from './yaml-fast/parse-fast';
import { errorsWithDuplicateKeys } from './yaml-keys';

/**
 * Default limits for hostile input; see ParseOptions and ParseDocumentsOptions. maxMappingKeys: Kubernetes
 * sets no count on labels or selectors, but a NetworkPolicy's own mappings have a handful of fields, and in the
 * 148 YAML files of content/, tests/ and deploy/ the largest mapping has 16 keys (a scenario's top level) and
 * the largest labels map 2 (kubectl-exported objects carry a few dozen labels and annotations at most). 1000 is
 * a wide margin for real manifests, while a 256 KiB text can hold about 60 000 keys in one mapping, which
 * every selector match would then walk.
 */
export const DEFAULT_LIMITS = { maxBytes: 256 * 1024, maxDocuments: 1000, maxDepth: 64, maxAliasCount: 100, maxMappingKeys: 1000 } as const;

/** Options of parseDocuments beyond the limits. */
export type ParseDocumentsOptions = ParseOptions & {
  /** Most keys one mapping may have (default DEFAULT_LIMITS.maxMappingKeys); a document with a larger one is refused. */
  maxMappingKeys?: number;
  /** Unpack `kind: List` / `*List` documents with an `items` array into one object per item (default true). */
  unpackLists?: boolean;
  /** Try the fast reader for the common YAML subset first (default true; false = always the yaml package). */
  fastPath?: boolean;
};

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

function cleanMessage(message: string): string {
  let m = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
  m = m.replace(/\.$/, '');
  return m.charAt(0).toLowerCase() + m.slice(1);
}

/** Joins a field path: child key or index. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}


type Walk = {
  positions: Record<string, SourcePos>;
  lc: LineCounter;
  /** Line index of the last position looked up: keys come in document order, so lookups mostly move forward. */
  cursor: number;
  doc: YamlDocument;
  maxDepth: number;
  tooDeep: boolean;
  /** Paths of plain scalars that YAML 1.1 (kubectl) reads as booleans. */
  yaml11Booleans: { path: string; value: string }[];
  /** Remaining alias expansions (nested expansions count too). */
  aliasBudget: number;
  aliasExceeded: boolean;
};

function posOf(lc: LineCounter, offset: number | undefined): SourcePos | undefined {
  if (offset === undefined) return undefined;
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

/** Position of an offset, scanning forward from the last one (binary search only when going back). */
function walkPos(w: Walk, offset: number | undefined): SourcePos | undefined {
  if (offset === undefined) return undefined;
  const starts = w.lc.lineStarts;
  let i = w.cursor;
  if (i >= starts.length || starts[i] > offset) return posOf(w.lc, offset);
  while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
  w.cursor = i;
  return { line: i + 1, column: offset - starts[i] + 1 };
}

function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  // `__proto__` as a plain assignment would replace the prototype; define it as data instead.
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/**
 * Converts a YAML node to a plain value while recording field positions (`record` false inside alias
 * expansions, whose positions are the alias's). Replaces Document.toJS: one pass, depth and alias caps.
 */
function convert(node: unknown, path: string, depth: number, w: Walk, record: boolean): unknown {
  if (w.tooDeep || w.aliasExceeded) return undefined;
  if (depth > w.maxDepth) { w.tooDeep = true; return undefined; }
  if (isScalar(node)) {
    if (record && node.type === 'PLAIN' && typeof node.value === 'string' && YAML11_BOOLEANS.has(node.value)) w.yaml11Booleans.push({ path, value: node.value });
    return node.value;
  }
  if (isAlias(node)) {
    if (--w.aliasBudget < 0) { w.aliasExceeded = true; return undefined; }
    const target = node.resolve(w.doc);
    return target === undefined ? null : convert(target, path, depth, w, false);
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const k = isScalar(item.key) ? item.key.value : convert(item.key, path, depth + 1, w, false);
      const key = typeof k === 'string' ? k : k === null || k === undefined ? '' : typeof k === 'object' ? JSON.stringify(k) : String(k);
      const p = childPath(path, key);
      if (record) {
        // Duplicate keys are already errors (errorsWithDuplicateKeys), so each path is set once.
        const pos = walkPos(w, (item.key as YamlNode | null)?.range?.[0]);
        if (pos) w.positions[p] = pos;
      }
      setKey(out, key, item.value === null ? null : convert(item.value, p, depth + 1, w, record));
    }
    return out;
  }
  if (isSeq(node)) {
    const items = node.items;
    const out: unknown[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const p = `${path}[${i}]`;
      if (record) {
        const pos = walkPos(w, (item as YamlNode | null)?.range?.[0]);
        if (pos) w.positions[p] = pos;
      }
      out[i] = convert(item, p, depth + 1, w, record);
    }
    return out;
  }
  return node === null || node === undefined ? null : undefined;
}

function isListObject(v: unknown): v is { kind: string; items: unknown[] } {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items);
}

/**
 * Cheap upper-bound estimate of the nesting depth, run before the YAML parser: the parser's composer
 * recurses per level, so absurd nesting (`[[[[…` or `- - - …`) must be refused before it runs.
 */
export function estimateDepth(text: string): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  const n = text.length;
  let start = 0;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i < end && text[i] !== '#') {
      const indent = i - start;
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
      }
      let dashes = 0;
      let j = i;
      while (text[j] === '-' && (j + 1 === end || text[j + 1] === ' ')) {
        dashes++;
        j += 1;
        while (j < end && text.charCodeAt(j) === 32) j++;
      }
      let quote = 0;
      let lineMax = flow;
      for (; j < end; j++) {
        const c = text.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
          continue;
        }
        if (c === 34 || c === 39) quote = c; // " '
        else if (c === 35 && text.charCodeAt(j - 1) === 32) break; // ' #' starts a comment
        else if (c === 91 || c === 123) { flow++; if (flow > lineMax) lineMax = flow; } // [ {
        else if ((c === 93 || c === 125) && flow > 0) flow--; // ] }
      }
      const depth = indents.length + dashes + lineMax;
      if (depth > max) max = depth;
    }
    start = end + 1;
  }
  return max;
}

/** The first mapping in `value` (depth-first, document order) with more than `max` keys: its path and key count, or null. */
function oversizedObject(value: unknown, path: string, max: number): { path: string; keys: number } | null {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = oversizedObject(value[i], `${path}[${i}]`, max);
      if (hit) return hit;
    }
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length > max) return { path, keys: keys.length };
  for (const k of keys) {
    const hit = oversizedObject((value as Record<string, unknown>)[k], childPath(path, k), max);
    if (hit) return hit;
  }
  return null;
}

// Worded like the API server's `Too many` field error (field.TooMany: "Too many: 13500: must have at most 1000 items").
function tooManyKeysMessage(path: string, keys: number, max: number): string {
  const body = `Too many: ${keys}: must have at most ${max} keys`;
  return path ? `${path}: ${body}` : body;
}

/** Turns one document's value into objects (a List unpacked into its items, positions re-rooted per item). */
function emitDocument(
  objects: ParsedObject[],
  value: unknown,
  positions: Record<string, SourcePos>,
  yaml11Booleans: { path: string; value: string }[],
  rootPos: SourcePos | undefined,
  index: number,
  unpack: boolean,
): void {
  if (unpack && isListObject(value)) {
    // One pass over the positions, bucketed by item index.
    const buckets: Record<string, SourcePos>[] = value.items.map(() => ({}));
    for (const [k, p] of Object.entries(positions)) {
      const m = /^items\[(\d+)\](?:\.|(?=\[)|$)/.exec(k);
      if (!m) continue;
      const b = buckets[Number(m[1])];
      if (b) b[k.slice(m[0].length).replace(/^\./, '')] = p;
    }
    value.items.forEach((item, i) => {
      const p0 = buckets[i][''];
      const obj: ParsedObject = { document: index, item: i, value: item, positions: buckets[i], prefix: `items[${i}]`, line: p0?.line, column: p0?.column };
      const pre = `items[${i}].`;
      const bools = yaml11Booleans.filter((b) => b.path.startsWith(pre)).map((b) => ({ path: b.path.slice(pre.length), value: b.value }));
      if (bools.length > 0) obj.yaml11Booleans = bools;
      objects.push(obj);
    });
    return;
  }
  positions[''] = rootPos ?? { line: 1, column: 1 };
  const obj: ParsedObject = { document: index, value, positions, prefix: '', line: rootPos?.line, column: rootPos?.column };
  if (yaml11Booleans.length > 0) obj.yaml11Booleans = yaml11Booleans;
  objects.push(obj);
}

/**
 * Parses YAML text (multi-document `---`; `kind: List` / `*List` unpacked) into plain objects with
 * 1-based field positions. Hostile input is refused with a 'Limit' diagnostic, never a hang:
 * size cap, document-count cap, nesting-depth cap, the yaml package's alias-expansion cap and a cap on the
 * keys of one mapping.
 */
export function parseDocuments(text: string, opts: ParseDocumentsOptions = {}): ParseResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const maxDocuments = opts.maxDocuments ?? DEFAULT_LIMITS.maxDocuments;
  const maxDepth = opts.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  const maxAliasCount = opts.maxAliasCount ?? DEFAULT_LIMITS.maxAliasCount;
  const maxMappingKeys = opts.maxMappingKeys ?? DEFAULT_LIMITS.maxMappingKeys;
  const unpack = opts.unpackLists ?? true;
  const diagnostics: Diagnostic[] = [];
  const objects: ParsedObject[] = [];
  const limit = (message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({ severity: 'error', type: 'Limit', path: '', message, ...extra });
  // Both readers: a document with an oversized mapping yields the error instead of objects.
  const keysWithinCap = (value: unknown, positions: Record<string, SourcePos>, rootPos: SourcePos | undefined, document: number): boolean => {
    const big = oversizedObject(value, '', maxMappingKeys);
    if (!big) return true;
    const pos = positions[big.path] ?? rootPos;
    diagnostics.push(limit(tooManyKeysMessage(big.path, big.keys, maxMappingKeys), { path: big.path, document, line: pos?.line, column: pos?.column }));
    return false;
  };

  // Cheap bound first: a UTF-16 code unit is at most 3 UTF-8 bytes.
  const size = text.length * 3 <= maxBytes ? text.length : utf8Length(text);
  if (size > maxBytes) {
    diagnostics.push(limit(`input is too large: ${size} bytes, the limit is ${maxBytes} bytes`));
    return { objects, diagnostics };
  }
  // The estimate over-counts a little (indentation levels, brackets in plain scalars), hence the slack;
  // the exact check walks the parsed tree below.
  if (estimateDepth(text) > maxDepth * 4) {
    diagnostics.push(limit(`nesting is too deep: the limit is ${maxDepth} levels`));
    return { objects, diagnostics };
  }
  // The common subset (block collections, one-line scalars and flow collections, comments, `---`) is read
  // by the fast parser; anything else, and every error, goes through the yaml package (same results).
  if (opts.fastPath !== false) {
    const fast = fastParseDocuments(text, maxDepth);
    if (fast) {
      if (fast.length > maxDocuments) {
        diagnostics.push(limit(`too many documents: ${fast.length}, the limit is ${maxDocuments}`));
        return { objects, diagnostics };
      }
      for (let index = 0; index < fast.length; index++) {
        const d = fast[index];
        if (d.root !== null && keysWithinCap(d.root, d.positions, d.rootPos ?? undefined, index)) emitDocument(objects, d.root, d.positions, d.yaml11Booleans, d.rootPos ?? undefined, index, unpack);
      }
      return { objects, diagnostics };
    }
  }
  const lc = new LineCounter();
  let docs;
  try {
    // Not `uniqueKeys: true`: the package's check scans the mapping for every key (quadratic, seconds on a
    // 256 KiB mapping); errorsWithDuplicateKeys gives the same errors in linear time (the source tokens let
    // it point where the package would).
    docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, keepSourceTokens: true });
  } catch (e) {
    // The composer recurses per nesting level: absurd nesting overflows the stack before our depth check.
    if (e instanceof RangeError) {
      diagnostics.push(limit(`nesting is too deep: the limit is ${maxDepth} levels`));
      return { objects, diagnostics };
    }
    throw e;
  }
  const list = Array.isArray(docs) ? docs : [];
  if (list.length > maxDocuments) {
    diagnostics.push(limit(`too many documents: ${list.length}, the limit is ${maxDocuments}`));
    return { objects, diagnostics };
  }
  list.forEach((doc, index) => {
    const errs = errorsWithDuplicateKeys(doc);
    // A broken document can yield hundreds of follow-on errors; the first few locate the problem.
    for (const err of errs.slice(0, 10)) {
      const pos = posOf(lc, err.offset);
      const dup = err.code === 'DUPLICATE_KEY';
      diagnostics.push({
        severity: 'error',
        type: 'Syntax',
        path: '',
        message: dup ? 'yaml: duplicate key: map keys must be unique' : `yaml: ${cleanMessage(err.message)}`,
        line: pos?.line,
        column: pos?.column,
        document: index,
      });
    }
    for (const warn of doc.warnings) {
      const pos = posOf(lc, warn.pos?.[0]);
      diagnostics.push({ severity: 'warning', type: 'Syntax', path: '', message: `yaml: ${cleanMessage(warn.message)}`, line: pos?.line, column: pos?.column, document: index });
    }
    if (errs.length > 0) return;
    const root = doc.contents;
    if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return;
    const rootPos = posOf(lc, (root as YamlNode).range?.[0]);
    const w: Walk = { positions: {}, yaml11Booleans: [], lc, cursor: 0, doc, maxDepth, tooDeep: false, aliasBudget: maxAliasCount, aliasExceeded: false };
    const value = convert(root, '', 0, w, true);
    if (w.tooDeep) {
      diagnostics.push(limit(`nesting is too deep: the limit is ${maxDepth} levels`, { document: index, line: rootPos?.line, column: rootPos?.column }));
      return;
    }
    if (w.aliasExceeded) {
      diagnostics.push(limit(`too many alias expansions: the limit is ${maxAliasCount}`, { document: index, line: rootPos?.line, column: rootPos?.column }));
      return;
    }
    if (keysWithinCap(value, w.positions, rootPos, index)) emitDocument(objects, value, w.positions, w.yaml11Booleans, rootPos, index, unpack);
  });
  return { objects, diagnostics };
}

/** Position of the longest prefix of `path` that has one (a field's own line, else its parent's). */
export function positionOf(positions: Record<string, SourcePos>, path: string): SourcePos | undefined {
  let p = path;
  for (;;) {
    const hit = positions[p];
    if (hit) return hit;
    if (p === '') return undefined;
    const dot = p.lastIndexOf('.');
    const br = p.lastIndexOf('[');
    const cut = Math.max(dot, br);
    p = cut <= 0 ? '' : p.slice(0, cut);
  }
}
