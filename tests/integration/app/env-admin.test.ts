/** The first admin from ADMIN_EMAIL + ADMIN_PASSWORD, against the real test database. */
import { randomBytes } from 'node:crypto';
import { ensureEnvAdmin } from '@/lib/auth/ensure-env-admin';
import { authorizeCredentials } from '@/lib/auth/options';
import { findUserCredentials } from '@/lib/db/user/find-user-credentials';
import { db } from '@/lib/db/client';

const email = `admin-${randomBytes(3).toString('hex')}@example.test`;

afterAll(async () => {
  await db.user.deleteMany({ where: { email } });
  await db.$disconnect();
});

it('creates the admin once, and it can sign in', async () => {
  await ensureEnvAdmin({ ADMIN_EMAIL: email.toUpperCase(), ADMIN_PASSWORD: 'Admin-Password-42' });
  const user = await findUserCredentials(email);
  expect(user).toMatchObject({ email, role: 'admin' });
  // Later calls in the same process do not touch the account again.
  await ensureEnvAdmin({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'Other-Password-42' });
  await expect(authorizeCredentials({ email, password: 'Admin-Password-42' })).resolves.toMatchObject({ role: 'admin' });
  await expect(authorizeCredentials({ email, password: 'Other-Password-42' })).resolves.toBeNull();
});
