import type { TErrorBody } from '@/lib/errors';

/**
 * What a failed call to our API said, for the browser's notices: the message of the one error body
 * (`toErrorBody` in lib/errors); a body that is not ours falls back to the HTTP status.
 */
export async function apiErrorMessage(res: Response): Promise<string> {
  const fallback = `the server answered ${res.status} ${res.statusText}`.trim();
  try {
    const body = (await res.json()) as Partial<TErrorBody> | null;
    return body?.error?.message || fallback;
  } catch {
    return fallback;
  }
}
