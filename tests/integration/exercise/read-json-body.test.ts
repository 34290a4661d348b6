import { readJsonBody, MAX_BODY_BYTES } from '@/app/api/scenarios/[slug]/_lib/read-json-body';
import { isAppError } from '@/lib/errors';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(enc.encode(next));
    },
  });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return isAppError(err) ? err.code : `other: ${String(err)}`;
  }
}

describe('readJsonBody', () => {
  it('parses JSON', async () => {
    await expect(readJsonBody(new Request('http://x/', { method: 'POST', body: '{"yaml":"a"}' }))).resolves.toEqual({ yaml: 'a' });
  });
  it('refuses a declared Content-Length over the limit without reading', async () => {
    const req = new Request('http://x/', { method: 'POST', body: '{}', headers: { 'content-length': String(MAX_BODY_BYTES + 1) } });
    expect(await codeOf(readJsonBody(req))).toBe('PAYLOAD_TOO_LARGE');
  });
  it('refuses a chunked body once it passes the limit', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const req = new Request('http://x/', { method: 'POST', body: streamOf([chunk, chunk, chunk, chunk, chunk]), duplex: 'half' } as RequestInit);
    expect(await codeOf(readJsonBody(req))).toBe('PAYLOAD_TOO_LARGE');
  });
  it('accepts a body of exactly the limit', async () => {
    const body = JSON.stringify({ yaml: 'y'.repeat(MAX_BODY_BYTES - 11) });
    expect(body.length).toBe(MAX_BODY_BYTES);
    expect(await codeOf(readJsonBody(new Request('http://x/', { method: 'POST', body })))).toBe('ok');
  });
  it('answers BAD_REQUEST for empty or malformed bodies', async () => {
    expect(await codeOf(readJsonBody(new Request('http://x/', { method: 'POST', body: '  ' })))).toBe('BAD_REQUEST');
    expect(await codeOf(readJsonBody(new Request('http://x/', { method: 'POST', body: '{nope' })))).toBe('BAD_REQUEST');
    expect(await codeOf(readJsonBody(new Request('http://x/', { method: 'POST' })))).toBe('BAD_REQUEST');
  });
});
