import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth';
import { isGitHubEnabled } from '@/lib/auth/options';
import { safeCallbackUrl } from '../safe-callback';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

// next-auth's `?error=` codes, in words a learner can act on (never saying whether an email exists).
const ERROR_TEXT: Record<string, string> = {
  CredentialsSignin: 'Wrong email or password.',
  OAuthAccountNotLinked: 'This email already has an account with a password. Sign in with your password instead.',
  OAuthSignin: 'GitHub sign-in could not start. Try again.',
  OAuthCallback: 'GitHub sign-in did not complete. Try again.',
  SessionRequired: 'Please sign in to continue.',
  Configuration: 'Sign-in is misconfigured on the server (check AUTH_SECRET).',
  RateLimited: 'Too many sign-in attempts for this email. Wait 15 minutes and try again.',
  Unavailable: 'Sign-in is unavailable: the server cannot reach its database. Try again in a moment.',
  ServerError: 'Sign-in failed because of a server error. Try again in a moment.',
};

/** Sign-in page: `?callbackUrl=` returns there afterwards, `?error=` shows next-auth's error in words. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  if (await getOptionalUser()) redirect(callbackUrl);
  const code = typeof sp.error === 'string' ? sp.error : null;
  const error = code ? (ERROR_TEXT[code] ?? 'Sign-in failed. Try again.') : sp.expired ? 'Your session has expired. Sign in again; your draft is kept.' : null;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} initialError={error} githubEnabled={isGitHubEnabled()} />
    </div>
  );
}
