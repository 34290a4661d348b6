/** A same-site path to return to after sign-in; anything else (absolute URLs, `//host`) falls back to `fallback`. */
export function safeCallbackUrl(value: unknown, fallback = '/scenarios'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
