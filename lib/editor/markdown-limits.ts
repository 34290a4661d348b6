/**
 * Nesting bound for author Markdown. `marked` recurses once per nesting level, so a few KiB of `>` or list
 * markers, or of emphasis delimiters around a word, overflow the stack (RangeError: 2 KB of `>`, `1. ` × 1400,
 * `*` × 4096 + `x` + `*` × 4096), and indentation-nested lists grow quadratically in memory. No task needs
 * more than a handful of levels. Pure string code without imports: validateAuthorForm and the browser can use it
 * (marked itself only loads in renderMarkdown).
 */

/** Deepest nesting accepted in scenario Markdown (blockquotes and lists, or emphasis, counted separately). */
export const MAX_MARKDOWN_DEPTH = 20;

/** The author-facing error for Markdown over MAX_MARKDOWN_DEPTH. */
export const MARKDOWN_TOO_DEEP = `Markdown nested deeper than ${MAX_MARKDOWN_DEPTH} levels`;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// `- - -`, `***`, `_ _ _`: a thematic break, however long, is one <hr> and no nesting.
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Container markers at the start of a line: `>` quotes and `-`/`*`/`+`/`1.`/`1)` list markers, and how many. */
function leadingContainers(line: string): number {
  let depth = 0;
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) return depth;
    const c = line[i];
    if (c === '>') {
      depth++;
      i++;
      continue;
    }
    let j = i;
    if (c === '-' || c === '*' || c === '+') j = i + 1;
    else {
      while (j < n && j - i < 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j === i || (line[j] !== '.' && line[j] !== ')')) return depth;
      j++;
    }
    // A list marker is followed by a space, a tab or the end of the line.
    if (j < n && line[j] !== ' ' && line[j] !== '\t') return depth;
    depth++;
    i = j;
  }
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n';
}

function isPunct(c: string | undefined): boolean {
  return c !== undefined && /[!-/:-@[-`{-~]/.test(c);
}

/**
 * Open emphasis levels reached in one paragraph: a run of `*`, `_` or `~` that can open (not followed by a
 * space) adds ceil(length / 2) levels (`*` em, `**` strong, `***` both), one that can only close removes them.
 * An over-estimate of CommonMark's delimiter matching, on purpose: it only has to be linear and never low.
 */
function emphasisDepth(text: string): number {
  // Code spans are not skipped: a delimiter there rarely opens without closing, and the scan stays linear.
  let open = 0;
  let max = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c !== '*' && c !== '_' && c !== '~') {
      i++;
      continue;
    }
    let j = i;
    while (j < n && text[j] === c) j++;
    const before = text[i - 1];
    const after = text[j];
    const levels = Math.ceil((j - i) / 2);
    const canOpen = !isSpace(after) && (isSpace(before) || isPunct(before) || !isPunct(after));
    const canClose = !isSpace(before) && (isSpace(after) || isPunct(after) || !isPunct(before));
    if (canOpen && !canClose) open += levels;
    else if (canClose && !canOpen) open = Math.max(0, open - levels);
    if (open > max) max = open;
    i = j;
  }
  return max;
}

/**
 * The deepest nesting in `markdown` and the 1-based line where it is first reached: quote and list markers at
 * the start of a line plus indentation (two spaces per level, a tab as four spaces), or open emphasis levels in
 * a paragraph. Fenced code blocks are skipped (YAML in a task is deeply indented and is not Markdown). Linear.
 */
export function markdownNestingDepth(markdown: string): { depth: number; line: number } {
  const lines = markdown.split('\n');
  let best = { depth: 0, line: 0 };
  let fence: string | null = null;
  let paragraph: string[] = [];
  let paragraphStart = 0;
  const endParagraph = () => {
    if (paragraph.length > 0) {
      const d = emphasisDepth(paragraph.join('\n'));
      if (d > best.depth) best = { depth: d, line: paragraphStart + 1 };
    }
    paragraph = [];
  };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const f = FENCE.exec(line);
    if (fence !== null) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      endParagraph();
      fence = f[1];
      continue;
    }
    if (line.trim() === '') {
      endParagraph();
      continue;
    }
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const d = THEMATIC_BREAK.test(line) ? 0 : leadingContainers(line) + Math.floor(indent / 2);
    if (d > best.depth) best = { depth: d, line: k + 1 };
    if (paragraph.length === 0) paragraphStart = k;
    paragraph.push(line);
  }
  endParagraph();
  return best;
}

/** The first line where `markdown` nests deeper than MAX_MARKDOWN_DEPTH, or null when it does not. */
export function markdownTooDeep(markdown: string): { line: number } | null {
  const { depth, line } = markdownNestingDepth(markdown);
  return depth > MAX_MARKDOWN_DEPTH ? { line } : null;
}
