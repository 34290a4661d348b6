'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30';

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
    <div className="space-y-6">
      {error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4" aria-label="Sign in with email and password">
        <div>
          <label htmlFor="email" className="block text-sm font-medium">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required defaultValue={initialEmail} className={inputClass} />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
        </div>
        <button type="submit" disabled={busy} className="w-full rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-600 disabled:opacity-60">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {githubEnabled ? (
        <button type="button" onClick={() => void signIn('github', { callbackUrl })} className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
          Sign in with GitHub
        </button>
      ) : null}
      <p className="text-sm text-slate-600">
        No account yet?{' '}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-sky-700 underline">
          Create one
        </Link>
      </p>
    </div>
  );
}
