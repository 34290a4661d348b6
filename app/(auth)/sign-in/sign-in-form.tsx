'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { AuthField, AuthFormFrame, AuthSubmit } from '../auth-form-parts';

// next-auth's error codes from authorize (see lib/auth/options.ts), in words; one message for unknown email
// and wrong password: no user enumeration.
function errorText(code: string | null | undefined): string {
  if (!code || code === 'CredentialsSignin') return 'Wrong email or password.';
  if (code === 'RateLimited') return 'Too many sign-in attempts for this email. Wait 15 minutes and try again.';
  if (code === 'Unavailable') return 'Sign-in is unavailable: the server cannot reach its database. Try again in a moment.';
  return 'Sign-in failed: the server could not check your password. Try again in a moment.';
}

/** Email + password sign-in through next-auth's credentials flow, plus GitHub when configured. */
export function SignInForm({ callbackUrl, initialError, githubEnabled, initialEmail }: { callbackUrl: string; initialError: string | null; githubEnabled: boolean; initialEmail?: string }) {
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await signIn('credentials', { redirect: false, email: String(form.get('email') ?? ''), password: String(form.get('password') ?? ''), callbackUrl });
      if (!res || res.error) {
        setError(errorText(res?.error));
        setBusy(false);
        return;
      }
      // A full navigation so the server-rendered nav picks up the new session.
      window.location.assign(callbackUrl);
    } catch {
      setError('Sign-in failed: the server could not be reached. Check your connection and try again.');
      setBusy(false);
    }
  }

  return (
    <AuthFormFrame error={error} switchTo={{ prompt: 'No account yet?', href: '/sign-up', label: 'Create one', callbackUrl }}>
      <form onSubmit={onSubmit} className="space-y-4" aria-label="Sign in with email and password">
        <AuthField id="email" label="Email" type="email" autoComplete="email" required defaultValue={initialEmail} />
        <AuthField id="password" label="Password" type="password" autoComplete="current-password" required />
        <AuthSubmit busy={busy} label="Sign in" busyLabel="Signing in…" />
      </form>
      {githubEnabled ? (
        <button type="button" onClick={() => void signIn('github', { callbackUrl })} className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
          Sign in with GitHub
        </button>
      ) : null}
    </AuthFormFrame>
  );
}
