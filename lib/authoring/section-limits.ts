/**
 * Per-section size caps of the author form, checked before any YAML is parsed: by the request schema on the
 * server (ZAuthorForm), by validateAuthorForm, and in the browser before the live check is even sent.
 * No imports: the editor bundles this file.
 */

/** The form's free-text sections that carry a size cap (YAML texts and the two Markdown texts). */
export type TCappedSection = 'cluster' | 'existingPolicies' | 'starter' | 'solution' | 'expectations' | 'requirements' | 'ports' | 'task' | 'explanation';

const KIB = 1024;

/**
 * Largest accepted size of each section, in UTF-8 bytes. The largest section in content/ is 3.3 KB
 * (ecommerce-three-tier's expectations; cluster 1.4 KB, solution 2.0 KB, task 1.0 KB, ports 56 B), so the
 * margin is about 20× (ports and requirements: about 140×). It also fits AUTHOR_LIMITS (validate.ts): 200 pods,
 * 400 expectations or 2000 solution lines take 30–60 KB. Measured worst case at these caps: about 0.2 s
 * for one validation (two 62 KiB policy texts of 256-key mappings through the engine's fallback parser).
 */
export const SECTION_MAX_BYTES: Record<TCappedSection, number> = {
  cluster: 64 * KIB,
  existingPolicies: 64 * KIB,
  starter: 64 * KIB,
  solution: 64 * KIB,
  expectations: 64 * KIB,
  requirements: 16 * KIB,
  ports: 16 * KIB,
  task: 64 * KIB,
  explanation: 64 * KIB,
};

/** The capped sections, in editor order. */
export const CAPPED_SECTIONS = Object.keys(SECTION_MAX_BYTES) as TCappedSection[];

/** UTF-8 length of a string without encoding it (works in the browser and on the server). */
export function utf8ByteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one 4-byte code point; a lone surrogate is written as U+FFFD (3 bytes).
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The message for a section over its cap, or null. Worded like the API server's `Too long` field error
 * (`must have at most N bytes`) plus the size found, lowercase as our other messages.
 */
export function sectionSizeMessage(section: TCappedSection, text: string): string | null {
  const max = SECTION_MAX_BYTES[section];
  // Cheap bound first: a UTF-16 code unit is at most 3 UTF-8 bytes.
  if (text.length * 3 <= max) return null;
  const size = utf8ByteLength(text);
  return size > max ? `too long: ${size} bytes (${kib(size)}), must have at most ${max} bytes (${kib(max)})` : null;
}

function kib(bytes: number): string {
  return `${Math.ceil((bytes / KIB) * 10) / 10} KiB`;
}

/** One section over its cap. */
export type TSectionSizeError = { section: TCappedSection; message: string };

/** Every capped section of `form` that is over its cap, in editor order. */
export function sectionSizeErrors(form: Partial<Record<TCappedSection, string>>): TSectionSizeError[] {
  const out: TSectionSizeError[] = [];
  for (const section of CAPPED_SECTIONS) {
    const text = form[section];
    if (typeof text !== 'string') continue;
    const message = sectionSizeMessage(section, text);
    if (message) out.push({ section, message });
  }
  return out;
}
