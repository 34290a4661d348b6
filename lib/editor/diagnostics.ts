/** Maps engine diagnostics (1-based line/column) onto editor ranges (0-based offsets). */

/** The fields of an engine `Diagnostic` the editor needs (structurally `@/lib/netpol`'s `Diagnostic`). */
export type EngineDiagnostic = {
  severity: 'error' | 'warning';
  message: string;
  path: string;
  line?: number;
  column?: number;
  code?: string;
};

/** A diagnostic as CodeMirror's lint extension wants it. */
export type EditorDiagnostic = { from: number; to: number; severity: 'error' | 'warning'; message: string; source?: string };

/** Offsets of the start of each line (index 0 = line 1). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * Underlines from the reported column to the end of that token (or the line's content when no column);
 * a diagnostic without a line goes on the first line so it is still visible.
 */
export function toEditorDiagnostics(diagnostics: readonly EngineDiagnostic[], text: string): EditorDiagnostic[] {
  const starts = lineStarts(text);
  const out: EditorDiagnostic[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const lineNo = Math.min(Math.max(d.line ?? 1, 1), starts.length);
    const lineStart = starts[lineNo - 1];
    const lineEnd = lineNo < starts.length ? starts[lineNo] - 1 : text.length;
    const lineText = text.slice(lineStart, lineEnd);
    const firstNonSpace = lineText.length - lineText.trimStart().length;
    let from: number;
    let to: number;
    if (d.column && d.column > 0) {
      from = Math.min(lineStart + d.column - 1, lineEnd);
      const token = /^[^\s,\]}]*/.exec(text.slice(from, lineEnd));
      to = from + (token && token[0].length > 0 ? token[0].length : 1);
    } else {
      from = lineStart + firstNonSpace;
      to = Math.max(lineEnd, from + 1);
    }
    to = Math.min(to, text.length);
    if (from >= to) from = Math.max(0, to - 1);
    const message = d.path && !d.message.startsWith(d.path) ? `${d.path}: ${d.message}` : d.message;
    const key = `${from}:${to}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ from, to, severity: d.severity, message, source: d.code });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** The [from, to) span of a 1-based line, or null when out of range (for "highlight this line" clicks). */
export function lineSpan(text: string, line: number): { from: number; to: number } | null {
  const starts = lineStarts(text);
  if (!Number.isInteger(line) || line < 1 || line > starts.length) return null;
  const from = starts[line - 1];
  const to = line < starts.length ? starts[line] - 1 : text.length;
  return { from, to };
}
