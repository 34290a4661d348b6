import { signUp } from '@/lib/auth/sign-up';
import { AppError, toErrorResponse } from '@/lib/errors';
import { normalizeEmail } from '@/lib/auth/email';
import { enforceRateLimit } from '@/lib/security/rate-limit';

export const dynamic = 'force-dynamic';

// A sign-up body is three short fields; anything bigger is not a real client.
const MAX_BODY_BYTES = 16 * 1024;

/** POST /api/auth/signup {email, password, name?} → 201 {user}; 400 weak password / bad email, 409 taken email, 413 body over 16 KiB, 429 too many. */
export async function POST(req: Request): Promise<Response> {
  try {
    const text = await req.text();
    if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'request body is larger than 16 KiB');
    const body = JSON.parse(text) as unknown;
    const email = (body as { email?: unknown } | null)?.email;
    await enforceRateLimit('signUp', req, typeof email === 'string' ? normalizeEmail(email).slice(0, 254) : null);
    const user = await signUp(body);
    return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } }, { status: 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
