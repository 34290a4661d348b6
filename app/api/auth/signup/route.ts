import { signUp } from '@/lib/auth/sign-up';
import { toErrorResponse } from '@/lib/errors';
import { enforceRateLimit } from '@/lib/security/rate-limit';
import { normalizeEmail } from '@/lib/auth/email';

export const dynamic = 'force-dynamic';

/** POST /api/auth/signup {email, password, name?} → 201 {user}; 400 weak password / bad email, 409 taken email, 429 too many. */
export async function POST(req: Request): Promise<Response> {
  try {
    const body: unknown = await req.json();
    const email = (body as { email?: unknown } | null)?.email;
    await enforceRateLimit('signUp', req, typeof email === 'string' ? normalizeEmail(email).slice(0, 254) : null);
    const user = await signUp(body);
    return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } }, { status: 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
