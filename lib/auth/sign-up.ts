import { z } from 'zod';
import { createUser } from '@/lib/db/user/create-user';
import type { TUser } from '@/lib/db/user/types';
import { ZEmail } from './email';
import { hashPassword, ZNewPassword } from './password';

/** Sign-up form / API body. */
export const ZSignUp = z.object({
  email: ZEmail,
  password: ZNewPassword,
  name: z.string().trim().max(80, 'name must have at most 80 characters').regex(/^[^\u0000]*$/, 'name must not contain NUL characters').optional().transform((v) => (v ? v : undefined)),
});
/** Sign-up form / API body. */
export type TSignUp = z.infer<typeof ZSignUp>;

/** Create a learner account; a taken email is AppError CONFLICT, weak passwords fail validation. */
export async function signUp(input: unknown): Promise<TUser> {
  const data = ZSignUp.parse(input);
  return createUser({ email: data.email, name: data.name ?? null, passwordHash: await hashPassword(data.password), role: 'learner' });
}
