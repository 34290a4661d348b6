/**
 * Works out where the cursor is in a (possibly half-typed, unparseable) YAML document by indentation alone:
 * the field path of the enclosing mappings/sequences and whether a key or a value is being typed.
 * A real parser gives up on incomplete text, which is exactly what an editor holds while typing.
 */

/** A line split into its structural parts. */
type LineShape = {
  blank: boolean;
  /** Column of the first '- ' marker, if the line opens a sequence item. */
  dashCol: number | null;
  /** Column and name of the key, if the line has `key:`. */
  keyCol: number | null;
  key: string | null;
  /** Text after `key:` (trimmed), '' when the value is a nested block. */
  value: string | null;
  /** Column where the value text starts (after `key: ` or after `- `). */
  valueCol: number | null;
};

const KEY_RE = /^([A-Za-z0-9_.\/-]+|"[^"]*"|'[^']*'):(?:\s|$)/;

function unquote(key: string): string {
  return (key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'")) ? key.slice(1, -1) : key;
}

/** Splits one line into indentation, sequence marker, key and value. */
export function shapeLine(line: string): LineShape {
  const trimmed = line.trimStart();
  if (trimmed === '' || trimmed.startsWith('#')) {
    return { blank: true, dashCol: null, keyCol: null, key: null, value: null, valueCol: null };
  }
  let col = line.length - trimmed.length;
  let dashCol: number | null = null;
  let rest = trimmed;
  // Only the innermost '- ' matters for the path; nested `- - x` sequences do not occur in NetworkPolicies.
  while (rest === '-' || rest.startsWith('- ')) {
    dashCol = col;
    const after = rest.slice(1);
    const spaces = after.length - after.trimStart().length;
    col += 1 + spaces;
    rest = after.trimStart();
  }
  const m = KEY_RE.exec(rest);
  if (m) {
    const afterKey = rest.slice(m[1].length + 1);
    const valueText = afterKey.replace(/\s+#.*$/, '').trim();
    const valueCol = col + m[1].length + 1 + (afterKey.length - afterKey.trimStart().length);
    return { blank: false, dashCol, keyCol: col, key: unquote(m[1]), value: valueText, valueCol };
  }
  return { blank: false, dashCol, keyCol: null, key: null, value: rest === '' ? null : rest, valueCol: col };
}

/** What the cursor is on. */
export type CursorContext = {
  /** Field path of the mapping/sequence that contains the cursor, '[]' for a sequence item. */
  path: string[];
  /** 'key': typing a key of the mapping at `path`; 'value': typing the value of `path` (its last segment). */
  mode: 'key' | 'value';
  /** The partial word before the cursor and its start offset in the text. */
  prefix: string;
  from: number;
  /** Column of the key being typed (for indentation of inserted blocks). */
  column: number;
  /** Keys already present in the mapping at `path` (key mode only). */
  siblings: string[];
  /** In a flow map like `{app: w`: the label key whose value is typed. */
  flowKey?: string;
};

/** Returns the 0-based line index and column of an offset. */
function locate(text: string, offset: number): { lineIndex: number; lineStart: number } {
  let lineIndex = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lineIndex++;
      lineStart = i + 1;
    }
  }
  return { lineIndex, lineStart };
}

/**
 * Walks upward from `lineIndex` collecting the keys that enclose a position at `col`.
 * `inclusive` means the position is a sequence marker at `col`, whose owner key may sit at the same column.
 */
function enclosingPath(lines: string[], lineIndex: number, col: number, inclusive: boolean): string[] {
  const path: string[] = [];
  let threshold = col;
  let incl = inclusive;
  for (let i = lineIndex - 1; i >= 0; i--) {
    const raw = lines[i];
    if (/^(---|\.\.\.)\s*$/.test(raw)) break;
    const s = shapeLine(raw);
    if (s.blank) continue;
    if (s.keyCol !== null && (incl ? s.keyCol <= threshold : s.keyCol < threshold)) {
      path.unshift(s.key as string);
      if (s.dashCol !== null) {
        path.unshift('[]');
        threshold = s.dashCol;
        incl = true;
      } else {
        threshold = s.keyCol;
        incl = false;
      }
      continue;
    }
    // A sibling in the same sequence item (`- a: 1` above `  b: |`): the position is inside that item.
    if (s.dashCol !== null && s.dashCol < threshold && !incl) {
      path.unshift('[]');
      threshold = s.dashCol;
      incl = true;
      continue;
    }
    // A line indented less than the position without a key (e.g. a scalar item) ends the search.
    const indent = raw.length - raw.trimStart().length;
    if (indent < threshold && s.keyCol === null && s.dashCol === null) break;
  }
  return path;
}

/** Collects the keys at `col` of the mapping around `lineIndex`; `startsItem` when that line opens a sequence item. */
function siblingKeys(lines: string[], lineIndex: number, col: number, startsItem: boolean): string[] {
  const keys: string[] = [];
  const isSeparator = (l: string) => /^(---|\.\.\.)\s*$/.test(l);
  if (!startsItem) {
    for (let i = lineIndex - 1; i >= 0 && !isSeparator(lines[i]); i--) {
      const s = shapeLine(lines[i]);
      if (s.blank) continue;
      const indent = lines[i].length - lines[i].trimStart().length;
      if (s.keyCol === col && s.key) {
        keys.push(s.key);
        if (s.dashCol !== null) break; // the first key of our sequence item
        continue;
      }
      if (indent < col) break;
    }
  }
  for (let i = lineIndex + 1; i < lines.length && !isSeparator(lines[i]); i++) {
    const s = shapeLine(lines[i]);
    if (s.blank) continue;
    const indent = lines[i].length - lines[i].trimStart().length;
    if (indent < col) break; // a new sequence item or a parent key
    if (s.keyCol === col && s.dashCol === null && s.key) keys.push(s.key);
  }
  return keys;
}

/** Analyses the cursor position in `text` (a whole editor document, possibly several YAML documents). */
export function cursorContext(text: string, offset: number): CursorContext | null {
  const { lineIndex, lineStart } = locate(text, offset);
  const lines = text.split('\n');
  const line = lines[lineIndex] ?? '';
  const before = line.slice(0, offset - lineStart);
  if (/^\s*#/.test(before) || /^(---|\.\.\.)/.test(before)) return null;
  const shape = shapeLine(before);
  const wordMatch = /[A-Za-z0-9_.\/:-]*$/.exec(before);
  let prefix = wordMatch ? wordMatch[0] : '';

  // A flow sequence or map on the value side: `policyTypes: [Ingress, Eg` or `matchLabels: {app: w`.
  if (shape.keyCol !== null && shape.value !== null && /^[[{]/.test(shape.value)) {
    const flow = shape.value;
    const path =
      shape.dashCol !== null
        ? [...enclosingPath(lines, lineIndex, shape.dashCol, true), '[]', shape.key as string]
        : [...enclosingPath(lines, lineIndex, shape.keyCol, false), shape.key as string];
    const lastSep = Math.max(flow.lastIndexOf(','), flow.lastIndexOf('{'), flow.lastIndexOf('['));
    const segment = flow.slice(lastSep + 1).trimStart();
    if (flow.startsWith('[')) {
      prefix = segment.replace(/^["']/, '');
      return { path: [...path, '[]'], mode: 'value', prefix, from: offset - prefix.length, column: shape.keyCol, siblings: [] };
    }
    const kv = /^([^:]+):\s*(.*)$/.exec(segment);
    if (kv) {
      const value = kv[2];
      return { path: [...path, kv[1].trim()], mode: 'value', prefix: value, from: offset - value.length, column: shape.keyCol, siblings: [], flowKey: kv[1].trim() };
    }
    prefix = segment;
    return { path, mode: 'key', prefix, from: offset - segment.length, column: shape.keyCol, siblings: [] };
  }

  // `key: partial` → the value of key.
  if (shape.keyCol !== null && shape.value !== null) {
    const valuePrefix = before.slice(shape.valueCol ?? before.length).replace(/^["']/, '');
    const base =
      shape.dashCol !== null
        ? [...enclosingPath(lines, lineIndex, shape.dashCol, true), '[]']
        : enclosingPath(lines, lineIndex, shape.keyCol, false);
    return {
      path: [...base, shape.key as string],
      mode: 'value',
      prefix: valuePrefix,
      from: offset - valuePrefix.length,
      column: shape.keyCol,
      siblings: [],
    };
  }

  // `- partial` or `partial` → a key of the enclosing mapping (or a scalar sequence item: the caller decides).
  if (!/^\s*(-\s+)*[A-Za-z0-9_.\/"'-]*$/.test(before)) return null;
  const col = before.length - prefix.length;
  if (shape.dashCol !== null) {
    const base = enclosingPath(lines, lineIndex, shape.dashCol, true);
    return {
      path: [...base, '[]'],
      mode: 'key',
      prefix,
      from: offset - prefix.length,
      column: col,
      siblings: siblingKeys(lines, lineIndex, col, true),
    };
  }
  const base = enclosingPath(lines, lineIndex, col, false);
  return {
    path: base,
    mode: 'key',
    prefix,
    from: offset - prefix.length,
    column: col,
    siblings: siblingKeys(lines, lineIndex, col, false),
  };
}

/** The key under `offset` (hover): its field path including the key itself, and its span. */
export function keyAt(text: string, offset: number): { path: string[]; from: number; to: number } | null {
  const { lineIndex, lineStart } = locate(text, offset);
  const lines = text.split('\n');
  const line = lines[lineIndex] ?? '';
  const shape = shapeLine(line);
  if (shape.keyCol === null || shape.key === null) return null;
  const from = lineStart + shape.keyCol;
  const keyLen = line.slice(shape.keyCol).indexOf(':');
  const to = from + keyLen;
  const base =
    shape.dashCol !== null
      ? [...enclosingPath(lines, lineIndex, shape.dashCol, true), '[]']
      : enclosingPath(lines, lineIndex, shape.keyCol, false);
  if (offset >= from && offset <= to) return { path: [...base, shape.key], from, to };
  // Hovering the value: report the key's field (docs for enum values live there).
  if (shape.valueCol !== null && offset >= lineStart + shape.valueCol && shape.value) {
    return { path: [...base, shape.key], from: lineStart + shape.valueCol, to: lineStart + line.length };
  }
  return null;
}

/** The `metadata.namespace` of the YAML document containing `offset`, if written. */
export function documentNamespace(text: string, offset: number): string | null {
  const { lineIndex } = locate(text, offset);
  const lines = text.split('\n');
  let start = lineIndex;
  while (start > 0 && !/^---/.test(lines[start])) start--;
  let inMetadata = false;
  for (let i = start; i < lines.length; i++) {
    if (i > start && /^---/.test(lines[i])) break;
    const s = shapeLine(lines[i]);
    if (s.blank) continue;
    if (s.keyCol === 0) inMetadata = s.key === 'metadata';
    else if (inMetadata && s.key === 'namespace' && s.value) return s.value.replace(/^["']|["']$/g, '');
  }
  return null;
}
