import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { describeIssue, formatPath, ZDrill, ZScenario, type TDrill, type TScenario } from './schema';

/** One problem in a content file, located where the YAML shows it when possible. */
export type ContentError = { path: string; message: string; line?: number; column?: number };

/** Result of parsing one scenario or drill text. */
export type ParseResult<T> = { content: T | null; errors: ContentError[] };

/** Parses and validates scenario YAML (pure: no I/O; used by the loader and by the app's import/paste). */
export function parseScenarioYaml(text: string): ParseResult<TScenario> {
  return parseWith(text, ZScenario);
}

/** Parses and validates drill YAML (pure). */
export function parseDrillYaml(text: string): ParseResult<TDrill> {
  return parseWith(text, ZDrill);
}

function parseWith<S extends z.ZodType>(text: string, schema: S): ParseResult<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      content: null,
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { path: '', message: `yaml: ${firstLine(e.message)}`, line: pos.line, column: pos.col };
      }),
    };
  }
  const raw = doc.toJS({ maxAliasCount: 100 });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { content: null, errors: [{ path: '', message: 'the file must be a YAML mapping (key: value pairs)', line: 1, column: 1 }] };
  }
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (parsed.success) return { content: parsed.data, errors: [] };
  const errors = parsed.error.issues.map((issue) => {
    const { path, message } = describeIssue(issue);
    const at = locate(doc, lineCounter, path);
    return { path: formatPath(path), message, ...at };
  });
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { content: null, errors };
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

// Walks the YAML tree along a zod path and returns the deepest node that exists; a missing key
// reports the position of its parent mapping, an unknown key the position of the key itself.
function locate(doc: Document, lc: LineCounter, path: (string | number)[]): { line?: number; column?: number } {
  let node: Node | null = doc.contents as Node | null;
  let best: Node | null = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (!node) break;
    let next: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      // The last segment points at its key: that is what the author has to fix or rename.
      if (pair) next = i === path.length - 1 ? (pair.key as Node) : ((pair.value as Node | null) ?? (pair.key as Node));
    } else if (isSeq(node) && typeof seg === 'number') {
      next = (node.items[seg] as Node | undefined) ?? null;
    }
    if (!next) break;
    node = next;
    best = next;
  }
  if (!best?.range) return {};
  const pos = lc.linePos(best.range[0]);
  return { line: pos.line, column: pos.col };
}
