/**
 * The author preview's learner state (hints unlocked, passed, gave up, solution viewed), kept in a cookie per
 * scenario so previewing never writes learner records; the preview page and its endpoints share this codec.
 */

/** A previewing author's learner state for one scenario. */
export type TPreviewState = { hintsUnlocked: number; passed: boolean; gaveUp: boolean; solutionViewed: boolean };

/** The state of a learner who just opened the scenario. */
export const FRESH_PREVIEW: TPreviewState = { hintsUnlocked: 0, passed: false, gaveUp: false, solutionViewed: false };

/** Cookie name of the preview state of `slug`. */
export function previewCookieName(slug: string): string {
  return `np-preview-${slug}`;
}

/** Reads the cookie value (`hints.passed.gaveUp.viewed`); anything malformed is a fresh state. */
export function parsePreviewState(value: string | undefined | null): TPreviewState {
  const m = /^(\d{1,2})\.([01])\.([01])\.([01])$/.exec(value ?? '');
  if (!m) return { ...FRESH_PREVIEW };
  return { hintsUnlocked: Number(m[1]), passed: m[2] === '1', gaveUp: m[3] === '1', solutionViewed: m[4] === '1' };
}

/** The cookie value of a state. */
export function formatPreviewState(s: TPreviewState): string {
  return `${Math.min(99, Math.max(0, s.hintsUnlocked))}.${s.passed ? 1 : 0}.${s.gaveUp ? 1 : 0}.${s.solutionViewed ? 1 : 0}`;
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
