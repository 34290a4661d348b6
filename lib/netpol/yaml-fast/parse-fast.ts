/**
 * A fast reader for the YAML subset real NetworkPolicies use: block mappings and sequences, single-line
 * plain / single-quoted / double-quoted (no escapes) scalars, single-line flow `[]` / `{}` of scalars,
 * comments and `---` documents. It builds the same values, field positions and YAML 1.1 boolean notes as
 * converting the `yaml` package's tree (YAML 1.2 core schema), about 20× faster.
 *
 * It is a recognizer first: anything outside the subset (anchors, aliases, tags, block scalars, multi-line
 * scalars, escapes, complex keys, directives, tabs, CR, duplicate keys, deep nesting, odd indentation, …)
 * and every input the `yaml` package would report an error or warning for makes it return null, and the
 * caller falls back to the `yaml` package, so all diagnostics stay that package's. The differential test
 * (`parse-fast.test.ts`) checks it against that path on generated, corpus and mutated documents.
 */
import type { SourcePos } from '../types';

/** One parsed document: null `root` for an empty document (comments only, or nothing between markers). */
export type FastDocument = {
  root: unknown;
  /** Position of the root node (null for an empty document). */
  rootPos: SourcePos | null;
  /** Field positions by path, in document order (map keys and sequence items; not the root). */
  positions: Record<string, SourcePos>;
  /** Plain scalars that YAML 1.1 reads as booleans (see ParsedObject.yaml11Booleans). */
  yaml11Booleans: { path: string; value: string }[];
};

/** Plain scalars go-yaml v2 (kubectl's YAML reader, YAML 1.1) resolves to booleans; YAML 1.2 keeps them strings. */
export const YAML11_BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);

/** Tabs, CR, BOM, C0/C1 controls, line and paragraph separators, surrogates, non-characters. */
const SPECIAL_CHARS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

/** Thrown (and caught in fastParseDocuments) when the input leaves the subset: the caller falls back. */
class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported('outside the fast YAML subset');

function bail(): never {
  throw UNSUPPORTED;
}

// YAML 1.2 core schema, in the yaml package's tag order (null, bool, int 0o, int, int 0x, .inf/.nan, exp, float).
const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_INF_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The value of a plain scalar under the YAML 1.2 core schema (as the yaml package resolves it). */
export function resolvePlain(s: string): unknown {
  // Dispatch on the first character: only these can start a non-string, and most names start elsewhere.
  switch (s.charCodeAt(0)) {
    case 126: // ~
    case 110: // n
    case 78: // N
      return NULL_RE.test(s) ? null : s;
    case 116: // t
    case 84: // T
      return BOOL_RE.test(s) ? true : s;
    case 102: // f
    case 70: // F
      return BOOL_RE.test(s) ? false : s;
    case 43: // +
    case 45: // -
    case 46: // .
    case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: case 56: case 57: // 0-9
      break;
    default:
      return s;
  }
  if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (NAN_INF_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

/** The property name a key value becomes (as the engine's tree conversion turns keys into strings). */
function keyString(k: unknown): string {
  return typeof k === 'string' ? k : k === null ? '' : String(k);
}

function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  // `__proto__` as a plain assignment would replace the prototype; define it as data instead.
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/**
 * The scalar token last scanned on one line: its value, where it ends, whether it was plain (unquoted).
 * One per parser, overwritten by each scan (every caller reads it before scanning again).
 */
type Token = { value: unknown; end: number; plain: boolean };

/**
 * Parser state over one text. Lines are split once up front: `lineStart[i]`/`lineEnd[i]` bound line i,
 * and `indent[i]` is its leading spaces, or -1 for a blank or comment-only line.
 */
class FastParser {
  private readonly text: string;
  private readonly maxDepth: number;
  private readonly lineStart: number[] = [];
  private readonly lineEnd: number[] = [];
  private readonly indent: number[] = [];
  private positions: Record<string, SourcePos> = {};
  private bools: { path: string; value: string }[] = [];
  /** Last line (exclusive) of the document being parsed. */
  private docEnd = 0;
  private readonly tok: Token = { value: null, end: 0, plain: false };

  constructor(text: string, maxDepth: number) {
    this.text = text;
    this.maxDepth = maxDepth;
    const n = text.length;
    let start = 0;
    while (start <= n) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = n;
      let i = start;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      this.lineStart.push(start);
      this.lineEnd.push(end);
      this.indent.push(i === end || text.charCodeAt(i) === HASH ? -1 : i - start);
      if (end === n) break;
      start = end + 1;
    }
  }

  /** Splits into documents at `---` lines and parses each. */
  parseAll(): FastDocument[] {
    const { text } = this;
    // Characters the subset never needs and YAML treats specially (tabs, CR, BOM, C0/C1 controls, line and
    // paragraph separators, surrogates) send the whole text to the yaml package.
    if (SPECIAL_CHARS.test(text)) bail();
    const lines = this.lineStart.length;
    const docs: FastDocument[] = [];
    let from = 0;
    let sawMarker = false;
    for (let li = 0; li <= lines; li++) {
      const atEnd = li === lines;
      if (!atEnd) {
        const s = this.lineStart[li];
        const c = text.charCodeAt(s);
        if (c === 37) bail(); // % directive
        if (!text.startsWith('---', s) && !text.startsWith('...', s)) continue;
        // Only a bare `---` line is in the subset (no content or comment after it, no `...` document end).
        if (this.lineEnd[li] - s !== 3 || c !== DASH) bail();
      }
      // Lines [from, li) form a document; before the first marker only if it has content.
      const doc = this.parseDocument(from, li);
      if (doc.root !== null || sawMarker) docs.push(doc);
      if (atEnd) break;
      sawMarker = true;
      from = li + 1;
    }
    return docs;
  }

  private parseDocument(from: number, to: number): FastDocument {
    this.docEnd = to;
    this.positions = {};
    this.bools = [];
    const first = this.nextContent(from);
    if (first >= to) return { root: null, rootPos: null, positions: this.positions, yaml11Booleans: this.bools };
    const col = this.lineStart[first] + this.indent[first];
    const rootPos = this.pos(first, col);
    const { value, next } = this.parseBlockAt(first, col, 0, '');
    if (this.nextContent(next) < to) bail();
    return { root: value, rootPos, positions: this.positions, yaml11Booleans: this.bools };
  }

  /** First content line at or after `li` within the document (docEnd when none). */
  private nextContent(li: number): number {
    while (li < this.docEnd && this.indent[li] < 0) li++;
    return li;
  }

  /** First non-blank line (comments count) at or after `li` within the document. */
  private nextNonBlank(li: number): number {
    const { text } = this;
    while (li < this.docEnd) {
      const s = this.lineStart[li];
      const e = this.lineEnd[li];
      let i = s;
      while (i < e && text.charCodeAt(i) === SPACE) i++;
      if (i < e) return li;
      li++;
    }
    return li;
  }

  private lineIndent(li: number): number {
    const { text } = this;
    const s = this.lineStart[li];
    let i = s;
    while (text.charCodeAt(i) === SPACE) i++;
    return i - s;
  }

  private pos(li: number, offset: number): SourcePos {
    return { line: li + 1, column: offset - this.lineStart[li] + 1 };
  }

  /**
   * Parses the block node starting at offset `col` of line `li` (a sequence `- `, a mapping `key:`),
   * whose indentation is its column. Returns the value and the first line after it.
   */
  private parseBlockAt(li: number, col: number, depth: number, path: string): { value: unknown; next: number } {
    if (depth > this.maxDepth) bail();
    const { text } = this;
    const c = text.charCodeAt(col);
    const indent = col - this.lineStart[li];
    if (c === DASH && this.isSeqDash(col, this.lineEnd[li])) return this.parseSeq(li, indent, depth, path);
    return this.parseMap(li, col, indent, depth, path);
  }

  private isSeqDash(col: number, end: number): boolean {
    return col + 1 === end || this.text.charCodeAt(col + 1) === SPACE;
  }

  /** A block sequence whose dashes sit at `indent`. */
  private parseSeq(li: number, indent: number, depth: number, path: string): { value: unknown[]; next: number } {
    const { text } = this;
    const out: unknown[] = [];
    for (;;) {
      const s = this.lineStart[li];
      const end = this.lineEnd[li];
      const dash = s + indent;
      const p = `${path}[${out.length}]`;
      let i = dash + 1;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      let next: number;
      if (i === end || text.charCodeAt(i) === HASH) {
        // `-` alone (or with a comment): the item is the more-indented block on the next lines.
        if (i < end && i === dash + 1) bail();
        const nl = this.nextContent(li + 1);
        if (nl >= this.docEnd || this.indent[nl] <= indent) bail(); // a null item: not in the subset
        const col = this.lineStart[nl] + this.indent[nl];
        this.positions[p] = this.pos(nl, col);
        const r = this.parseBlockAt(nl, col, depth + 1, p);
        out.push(r.value);
        next = r.next;
      } else {
        const c = text.charCodeAt(i);
        if (c === DASH && this.isSeqDash(i, end)) bail(); // `- - a`: compact nested sequences
        this.positions[p] = this.pos(li, i);
        if (c === 91 || c === 123) {
          out.push(this.parseFlowLine(li, i, depth + 1, p));
          next = this.afterInline(li + 1, indent);
        } else {
          if (this.scanKeyOrScalar(i, end)) {
            const r = this.parseMap(li, i, i - s, depth + 1, p);
            out.push(r.value);
            next = r.next;
          } else {
            out.push(this.scalarValue(this.tok, depth + 1, p));
            next = this.afterInline(li + 1, indent);
          }
        }
      }
      const nl = this.nextContent(next);
      if (nl >= this.docEnd) return { value: out, next: nl };
      const ind = this.indent[nl];
      if (ind > indent) bail();
      if (ind < indent) return { value: out, next: nl };
      const d = this.lineStart[nl] + ind;
      if (text.charCodeAt(d) !== DASH || !this.isSeqDash(d, this.lineEnd[nl])) return { value: out, next: nl };
      li = nl;
    }
  }

  /** After an inline value on a line of a block at `indent`: no following line may be more indented. */
  private afterInline(li: number, indent: number): number {
    const nl = this.nextNonBlank(li);
    if (nl < this.docEnd && this.lineIndent(nl) > indent) bail();
    return nl;
  }

  /** A block mapping whose keys sit at `indent`; its first key starts at offset `col` of line `li`. */
  private parseMap(li: number, col: number, indent: number, depth: number, path: string): { value: Record<string, unknown>; next: number } {
    if (depth > this.maxDepth) bail();
    const { text } = this;
    const out: Record<string, unknown> = {};
    let k = col;
    for (;;) {
      const end = this.lineEnd[li];
      if (!this.scanKeyOrScalar(k, end)) bail();
      const colon = this.tok.end;
      const name = keyString(this.tok.value);
      if (Object.prototype.hasOwnProperty.call(out, name) || name === '<<' || colon - k > 1000) bail();
      const p = path ? `${path}.${name}` : name;
      this.positions[p] = this.pos(li, k);
      let i = colon + 1; // past ':'
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      let next: number;
      if (i === end || text.charCodeAt(i) === HASH) {
        if (i < end && i === colon + 1) bail();
        // The value is on the next lines: a more-indented block, a sequence at this indent, or null.
        const nl = this.nextContent(li + 1);
        const ind = nl < this.docEnd ? this.indent[nl] : -1;
        const dc = nl < this.docEnd ? this.lineStart[nl] + ind : -1;
        if (ind > indent || (ind === indent && text.charCodeAt(dc) === DASH && this.isSeqDash(dc, this.lineEnd[nl]))) {
          if (depth + 1 > this.maxDepth) bail();
          const r = this.parseBlockAt(nl, dc, depth + 1, p);
          setKey(out, name, r.value);
          next = r.next;
        } else {
          if (depth + 1 > this.maxDepth) bail();
          setKey(out, name, null);
          next = nl;
        }
      } else {
        const c = text.charCodeAt(i);
        if (c === 91 || c === 123) {
          setKey(out, name, this.parseFlowLine(li, i, depth + 1, p));
        } else {
          if (this.scanKeyOrScalar(i, end)) bail(); // `a: b: c`
          setKey(out, name, this.scalarValue(this.tok, depth + 1, p));
        }
        next = this.afterInline(li + 1, indent);
      }
      const nl = this.nextContent(next);
      if (nl >= this.docEnd) return { value: out, next: nl };
      const ind = this.indent[nl];
      if (ind > indent) bail();
      if (ind < indent) return { value: out, next: nl };
      li = nl;
      k = this.lineStart[nl] + ind;
      if (text.charCodeAt(k) === DASH && this.isSeqDash(k, this.lineEnd[nl])) bail(); // `- ` among keys
    }
  }

  /** Resolves a scalar value at `path`, noting YAML 1.1 booleans. */
  private scalarValue(t: Token, depth: number, path: string): unknown {
    if (depth > this.maxDepth) bail();
    if (t.plain && typeof t.value === 'string' && YAML11_BOOLEANS.has(t.value)) this.bools.push({ path, value: t.value });
    return t.value;
  }

  /**
   * Scans a block-context scalar starting at `i` (line ends at `end`) into `tok` and says whether it is
   * a mapping key (followed by `:` and a space or the line end; `tok.end` is then the colon). A value must end the line (spaces, then an
   * optional ` #` comment). Bails on anything outside the subset.
   */
  private scanKeyOrScalar(i: number, end: number): boolean {
    const { text, tok } = this;
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      const j = this.scanQuoted(i, end).end;
      // Quoted: then spaces, then `:` (a key), `#` after a space (a comment) or the line end.
      let k = j;
      while (k < end && text.charCodeAt(k) === SPACE) k++;
      if (k < end && text.charCodeAt(k) === COLON) {
        if (k + 1 < end && text.charCodeAt(k + 1) !== SPACE) bail();
        tok.end = k;
        return true;
      }
      if (k < end && !(text.charCodeAt(k) === HASH && k > j)) bail();
      return false;
    }
    if (!this.plainFirst(i, end)) bail();
    let j = i;
    let last = i; // end of the scalar text (exclusive), trailing spaces excluded
    while (j < end) {
      const d = text.charCodeAt(j);
      if (d === COLON && (j + 1 === end || text.charCodeAt(j + 1) === SPACE)) {
        tok.value = resolvePlain(text.slice(i, last));
        tok.end = j;
        tok.plain = true;
        return true;
      }
      if (d === HASH && text.charCodeAt(j - 1) === SPACE) break;
      if (d !== SPACE) last = j + 1;
      j++;
    }
    tok.value = resolvePlain(text.slice(i, last));
    tok.end = last;
    tok.plain = true;
    return false;
  }

  /**
   * Whether a plain scalar may start at `i`: not an indicator; a `-` followed by a non-space is fine
   * (in a flow collection, not by a flow indicator either).
   */
  private plainFirst(i: number, end: number, flow = false): boolean {
    const c = this.text.charCodeAt(i);
    switch (c) {
      case DASH: {
        if (i + 1 >= end) return false;
        const d = this.text.charCodeAt(i + 1);
        return d !== SPACE && !(flow && (d === 44 || d === 91 || d === 93 || d === 123 || d === 125));
      }
      case 63: // ?
      case COLON:
      case 44: // ,
      case 91: // [
      case 93: // ]
      case 123: // {
      case 125: // }
      case HASH:
      case 38: // &
      case 42: // *
      case 33: // !
      case 124: // |
      case 62: // >
      case 39: // '
      case 34: // "
      case 37: // %
      case 64: // @
      case 96: // `
        return false;
      default:
        return true;
    }
  }

  /** A single-line quoted scalar at `i`; double quotes without escapes only. */
  private scanQuoted(i: number, end: number): Token {
    const { text, tok } = this;
    const q = text.charCodeAt(i);
    tok.plain = false;
    if (q === 34) {
      const close = text.indexOf('"', i + 1);
      if (close < 0 || close >= end) bail();
      const s = text.slice(i + 1, close);
      if (s.includes('\\')) bail();
      tok.value = s;
      tok.end = close + 1;
      return tok;
    }
    let out = '';
    let j = i + 1;
    for (;;) {
      const close = text.indexOf("'", j);
      if (close < 0 || close >= end) bail();
      out += text.slice(j, close);
      if (text.charCodeAt(close + 1) === 39) { out += "'"; j = close + 2; continue; }
      tok.value = out;
      tok.end = close + 1;
      return tok;
    }
  }

  /**
   * A single-line flow collection at offset `i` of line `li` (`[a, "b"]`, `{k: v, m: {n: o}}`, `[]`, `{}`),
   * followed by spaces and an optional comment. Empty entries, trailing commas, `? ` keys, keys that are
   * collections and anything unusual bail.
   */
  private parseFlowLine(li: number, i: number, depth: number, path: string): unknown {
    const { text } = this;
    const end = this.lineEnd[li];
    const r = this.parseFlow(li, i, end, depth, path);
    let j = r.end;
    while (j < end && text.charCodeAt(j) === SPACE) j++;
    if (j < end && !(text.charCodeAt(j) === HASH && j > r.end)) bail();
    return r.value;
  }

  private skipSpaces(j: number, end: number): number {
    while (j < end && this.text.charCodeAt(j) === SPACE) j++;
    return j;
  }

  /** A flow value at `i`: a nested collection or a scalar. */
  private parseFlowValue(li: number, i: number, end: number, depth: number, path: string): { value: unknown; end: number } {
    const c = this.text.charCodeAt(i);
    if (c === 91 || c === 123) return this.parseFlow(li, i, end, depth, path);
    const t = this.scanFlowScalar(i, end);
    return { value: this.scalarValue(t, depth, path), end: t.end };
  }

  private parseFlow(li: number, i: number, end: number, depth: number, path: string): { value: unknown; end: number } {
    if (depth > this.maxDepth) bail();
    const { text } = this;
    const isSeq = text.charCodeAt(i) === 91;
    const close = isSeq ? 93 : 125;
    const seq: unknown[] = [];
    const map: Record<string, unknown> = {};
    let j = this.skipSpaces(i + 1, end);
    if (text.charCodeAt(j) === close) return { value: isSeq ? seq : map, end: j + 1 };
    for (;;) {
      j = this.skipSpaces(j, end);
      const start = j;
      if (isSeq) {
        const p = `${path}[${seq.length}]`;
        this.positions[p] = this.pos(li, start);
        const v = this.parseFlowValue(li, j, end, depth + 1, p);
        seq.push(v.value);
        j = v.end;
      } else {
        const c = text.charCodeAt(j);
        if (c === 91 || c === 123) bail(); // a collection as a key
        const t = this.scanFlowScalar(j, end);
        j = t.end;
        // `key: value`, with a space after the colon.
        if (text.charCodeAt(j) !== COLON || text.charCodeAt(j + 1) !== SPACE) bail();
        j = this.skipSpaces(j + 2, end);
        const name = keyString(t.value);
        if (Object.prototype.hasOwnProperty.call(map, name) || name === '<<' || t.end - start > 1000) bail();
        const p = path ? `${path}.${name}` : name;
        this.positions[p] = this.pos(li, start);
        const v = this.parseFlowValue(li, j, end, depth + 1, p);
        setKey(map, name, v.value);
        j = v.end;
      }
      j = this.skipSpaces(j, end);
      const d = text.charCodeAt(j);
      if (d === 44) { j++; continue; } // ,
      if (d === close) return { value: isSeq ? seq : map, end: j + 1 };
      bail();
    }
  }

  /**
   * A scalar inside a flow collection: quoted, or plain up to `,` `]` `}` or a `: ` (a key's end);
   * no `#` `[` `{` inside. Trailing spaces are not part of it.
   */
  private scanFlowScalar(i: number, end: number): Token {
    const { text } = this;
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) return this.scanQuoted(i, end);
    if (i >= end || !this.plainFirst(i, end, true)) bail();
    let j = i;
    let last = i;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (d === 44 || d === 93 || d === 125) break;
      if (d === COLON) {
        const e = j + 1 < end ? text.charCodeAt(j + 1) : SPACE;
        if (e === SPACE) break;
        // `fd00::1/128`: a colon followed by a non-indicator stays in the scalar; before `,` `]` `}` bail.
        if (e === 44 || e === 93 || e === 125 || e === 91 || e === 123) bail();
      }
      if (d === HASH || d === 91 || d === 123) bail();
      if (d !== SPACE) last = j + 1;
      j++;
    }
    const { tok } = this;
    tok.value = resolvePlain(text.slice(i, last));
    tok.end = last;
    tok.plain = true;
    return tok;
  }
}

/**
 * Parses `text` when it lies in the fast subset; null means "use the yaml package" (outside the subset,
 * an error, or nesting deeper than `maxDepth`, whose diagnostic that path reports).
 */
export function fastParseDocuments(text: string, maxDepth: number): FastDocument[] | null {
  try {
    return new FastParser(text, maxDepth).parseAll();
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
