import { AppError } from '@/lib/errors';

/** The largest request body the scenario APIs accept (the engine's own input cap is the same). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads a JSON body, refusing anything over `maxBytes` with 413 before buffering it all: the declared
 * Content-Length is checked first, then the stream is counted as it arrives (chunked bodies have no length).
 */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `request body is larger than ${Math.round(maxBytes / 1024)} KiB`);
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) throw new AppError('BAD_REQUEST', 'request body is missing: send JSON');
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (!text.trim()) throw new AppError('BAD_REQUEST', 'request body is empty: send JSON');
  let nul = false;
  let value: unknown;
  try {
    // PostgreSQL text cannot hold U+0000: refuse it here as a 400 rather than fail the insert with a 500.
    value = JSON.parse(text, (_key, v: unknown) => {
      if (typeof v === 'string' && v.includes('\u0000')) nul = true;
      return v;
    });
  } catch {
    throw new AppError('BAD_REQUEST', 'request body is not valid JSON');
  }
  if (nul) throw new AppError('BAD_REQUEST', 'request body contains a NUL character (\\u0000): remove it and try again');
  return value;
}
