import { normalizeEmail } from '@/lib/auth/email';
import { RATE_LIMITED_ERROR, UNAVAILABLE_ERROR } from '@/lib/auth/options';
import { getEnv } from '@/lib/env';
import { toErrorBody } from '@/lib/errors';
import { clientAddress } from './client-address';
import { hitRateLimit } from './rate-limit';

// A sign-in form is a few hundred bytes; anything bigger is not read here (the address limit still counts it).
const MAX_FORM_BYTES = 16 * 1024;
const MAX_AUTH_BODY_BYTES = 64 * 1024;

async function emailOf(req: Request): Promise<string | null> {
  const declared = Number(req.headers.get('content-length'));
  if (!Number.isFinite(declared) || declared > MAX_FORM_BYTES) return null;
  try {
    const text = await req.clone().text();
    if (text.length > MAX_FORM_BYTES) return null;
    const type = req.headers.get('content-type') ?? '';
    const email = type.includes('application/json') ? (JSON.parse(text) as { email?: unknown }).email : new URLSearchParams(text).get('email');
    return typeof email === 'string' && email.trim() ? normalizeEmail(email).slice(0, 254) : null;
  } catch {
    return null;
  }
}

/**
 * Guard of next-auth's POSTs, before next-auth runs: 413 above 64 KiB; then the rate limit of the credentials
 * sign-in (POST …/callback/credentials). Null lets the request through; else the answer, for the rate limit
 * 429 with Retry-After in next-auth's JSON shape (`{url}` with `error=RateLimited`, which `signIn()` in the
 * browser reports as the error code).
 */
export async function limitCredentialsSignIn(req: Request): Promise<Response | null> {
  if (req.method !== 'POST') return null;
  // next-auth buffers whole bodies; its forms are tiny (the ingress also caps bodies at 1 MiB).
  if (Number(req.headers.get('content-length')) > MAX_AUTH_BODY_BYTES) {
    return Response.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: `request body is larger than ${MAX_AUTH_BODY_BYTES / 1024} KiB` } }, { status: 413 });
  }
  if (!new URL(req.url).pathname.endsWith('/callback/credentials')) return null;
  const env = getEnv();
  const signInUrl = (code: string) => new URL(`/sign-in?error=${code}`, env.NEXTAUTH_URL ?? req.url).toString();
  try {
    const decision = await hitRateLimit('signIn', { account: await emailOf(req), address: clientAddress(req.headers, env.TRUST_PROXY_HOPS) });
    if (decision.allowed) return null;
    return Response.json(
      { url: signInUrl(RATE_LIMITED_ERROR), error: { code: 'RATE_LIMITED', message: decision.message } },
      { status: 429, headers: { 'retry-after': String(decision.retryAfterSeconds), 'cache-control': 'no-store' } },
    );
  } catch (err) {
    // Same codes as authorize() would give (no driver messages): the form shows them in words.
    const { status, body } = toErrorBody(err);
    if (status !== 503) console.error('[auth] sign-in rate limit failed:', err);
    return Response.json({ url: signInUrl(status === 503 ? UNAVAILABLE_ERROR : 'ServerError'), ...body }, { status, headers: { 'cache-control': 'no-store' } });
  }
}
