/** Scenario Markdown (task, explanation, hints) → sanitized HTML, rendered on the server only. */
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { markdownTooDeep } from './markdown-limits';

const ALLOWED_TAGS = ['h1', 'p', 'br', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'del'];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], code: ['class'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The text itself, escaped, in a <pre>: what a reader gets when the Markdown cannot be rendered. */
export function renderMarkdownFallback(markdown: string): string {
  return `<pre>${escapeHtml(markdown)}</pre>`;
}

/**
 * Renders Markdown to HTML that keeps only formatting tags (no scripts, styles, images or event handlers); h1
 * becomes h2 (the page owns the h1). Never throws: Markdown nested deeper than MAX_MARKDOWN_DEPTH (which
 * overflows marked's stack) or any renderer error gives the escaped text in a <pre>, so a page or an API that
 * shows author Markdown never fails because of it (the author's validation names the problem).
 */
export function renderMarkdown(markdown: string): string {
  if (markdownTooDeep(markdown)) return renderMarkdownFallback(markdown);
  try {
    const html = marked.parse(markdown, { async: false, gfm: true }) as string;
    return sanitizeHtml(html, SANITIZE).replace(/<(\/?)h1>/g, '<$1h2>');
  } catch {
    // A RangeError (stack overflow) on a shape the depth bound does not foresee, or a renderer bug.
    return renderMarkdownFallback(markdown);
  }
}
