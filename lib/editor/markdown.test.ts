// marked's package exports only its ESM build, which Jest's CommonJS runtime cannot load; its UMD build in the
// same package is the same code (same version), so the renderer under test is the real one.
jest.mock('marked', () => jest.requireActual(`${process.cwd()}/node_modules/marked/lib/marked.umd.js`));

import { marked } from 'marked';
import { renderMarkdown, renderMarkdownFallback } from './markdown';
import { MARKDOWN_TOO_DEEP, MAX_MARKDOWN_DEPTH, markdownNestingDepth, markdownTooDeep } from './markdown-limits';

const nestedListLines = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');

/** The shapes that made marked throw RangeError (stack overflow), and their neighbours. */
const HOSTILE: [string, string][] = [
  ['2 KB of `>`', '>'.repeat(2048)],
  ['`> ` × 1200', '> '.repeat(1200)],
  ['`- ` × 2000', '- '.repeat(2000)],
  ['`- ` × 2000 and a word', `${'- '.repeat(2000)}x`],
  ['`* ` × 2000 and a word', `${'* '.repeat(2000)}x`],
  ['`1. ` × 1400', '1. '.repeat(1400)],
  ['`1) ` × 1400 and a word', `${'1) '.repeat(1400)}x`],
  ['`> 1. - ` × 600', '> 1. - '.repeat(600)],
  ['8 KB of `*`', '*'.repeat(8192)],
  ['`*` × 4096 around a word', `${'*'.repeat(4096)}x${'*'.repeat(4096)}`],
  ['`_` × 4096 around a word', `${'_'.repeat(4096)}x${'_'.repeat(4096)}`],
  ['2000 nested emphasis openers', `${'*a '.repeat(2000)}b${' a*'.repeat(2000)}`],
  ['a list nested 250 levels by indentation', nestedListLines(250)],
  ['a script after deep quotes', `${'>'.repeat(3000)} <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))`],
];

describe('the hostile shapes themselves', () => {
  it('really overflow marked without the bound (so the tests below test something)', () => {
    const throws = (s: string) => {
      try {
        marked.parse(s, { async: false, gfm: true });
        return false;
      } catch (e) {
        return e instanceof RangeError;
      }
    };
    expect(throws('>'.repeat(4096))).toBe(true);
    expect(throws('1. '.repeat(3000))).toBe(true);
    expect(throws(`${'_'.repeat(8192)}x${'_'.repeat(8192)}`)).toBe(true);
  });
});

describe('renderMarkdown never throws on hostile Markdown', () => {
  test.each(HOSTILE)('%s: escaped text in a <pre>, nothing executable', (_name, text) => {
    const html = renderMarkdown(text);
    if (markdownTooDeep(text)) expect(html).toBe(renderMarkdownFallback(text));
    // Whatever path it took: no tag from the input survives, only our formatting tags.
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(html.replace(/<\/?(pre|p|hr|ul|ol|li|blockquote|em|strong|del|code|br) ?\/?>/g, '')).not.toMatch(/<[a-z/]/i);
  });

  it('refuses every shape that nests, and thematic breaks (which do not) render normally', () => {
    const breaks = ['`- ` × 2000', '8 KB of `*`'];
    const refused = HOSTILE.filter(([, t]) => markdownTooDeep(t)).map(([n]) => n);
    expect(refused).toEqual(HOSTILE.map(([n]) => n).filter((n) => !breaks.includes(n)));
    // However long, `- - -` or `***` is one <hr>.
    expect(renderMarkdown('- '.repeat(2000))).toBe('<hr />\n');
    expect(renderMarkdown('*'.repeat(8192))).toBe('<hr />\n');
    expect(renderMarkdown('_ _ _')).toBe('<hr />\n');
  });

  it('escapes the fallback text', () => {
    expect(renderMarkdownFallback('<b>"a" & \'b\'</b>')).toBe('<pre>&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;</pre>');
  });

  it('falls back on any renderer error, not only on the depth bound', () => {
    const spy = jest.spyOn(marked, 'parse').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    try {
      expect(renderMarkdown('plain *text*')).toBe('<pre>plain *text*</pre>');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('ordinary Markdown still renders and is sanitized', () => {
  it('keeps formatting, drops scripts, event handlers and javascript: links, turns h1 into h2', () => {
    const html = renderMarkdown('# Title\n\n> quote\n\n- a\n  - b\n\n1. one\n\n**bold** _em_ `code`\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <a href="https://k8s.io" onclick="x()">k8s</a>');
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<blockquote>');
    expect(html).toMatch(/<ul>\s*<li>a\s*<ul>\s*<li>b<\/li>/);
    expect(html).toContain('<strong>bold</strong> <em>em</em> <code>code</code>');
    expect(html).not.toMatch(/script|onclick|javascript:/);
    expect(html).toContain('<a href="https://k8s.io" rel="noopener noreferrer" target="_blank">k8s</a>');
  });

  it(`accepts nesting up to ${MAX_MARKDOWN_DEPTH} levels, and deeply indented YAML inside a fenced block`, () => {
    expect(renderMarkdown(nestedListLines(MAX_MARKDOWN_DEPTH))).toContain(`<li>level ${MAX_MARKDOWN_DEPTH}</li>`);
    const yaml = `\`\`\`yaml\n${Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} v\n\`\`\``;
    expect(markdownTooDeep(yaml)).toBeNull();
    expect(renderMarkdown(yaml)).toContain('<pre><code class="language-yaml">');
  });
});

describe('markdownNestingDepth', () => {
  it.each([
    ['plain text', 'Allow traffic from `web` to `db`.\n\nThen **deny** the rest.', 1],
    ['quotes', '> a\n>> b\n> > > c', 3],
    ['lists by markers and by indentation', '- a\n  - b\n    1. c', 3],
    ['a list item in a quote', '> - a', 2],
    ['emphasis levels', '***a*** and **b**', 2],
    ['a fenced block is skipped', '```\n> > > > >\n```\ntext', 0],
    ['a thematic break is not a list', `${'- '.repeat(30)}\n\n${'* '.repeat(30)}`, 0],
  ])('%s', (_name, text, depth) => {
    expect(markdownNestingDepth(text).depth).toBe(depth);
  });

  it('names the first line past the limit', () => {
    const text = `intro\n\n${'>'.repeat(MAX_MARKDOWN_DEPTH)} ok\n\n${'>'.repeat(MAX_MARKDOWN_DEPTH + 1)} too deep`;
    expect(markdownTooDeep(text)).toEqual({ line: 5 });
    expect(MARKDOWN_TOO_DEEP).toBe('Markdown nested deeper than 20 levels');
  });
});
