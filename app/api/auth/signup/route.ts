import { signUp } from '@/lib/auth/sign-up';
import { toErrorResponse } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** POST /api/auth/signup {email, password, name?} → 201 {user}; 400 weak password / bad email, 409 taken email. */
export async function POST(req: Request): Promise<Response> {
  try {
    const body: unknown = await req.json();
    const user = await signUp(body);
    return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } }, { status: 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
