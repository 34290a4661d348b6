'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30';

type TFieldErrors = Partial<Record<'email' | 'password' | 'name', string>>;

/** Sign-up: POST /api/auth/signup, then sign in with the same credentials. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<TFieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const name = String(form.get('name') ?? '');
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const res = await fetch('/api/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, name }) });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: { path: string; message: string }[] } } | null;
        const next: TFieldErrors = {};
        for (const f of body?.error?.fields ?? []) if (f.path === 'email' || f.path === 'password' || f.path === 'name') next[f.path] = f.message;
        setFields(next);
        setError(Object.keys(next).length ? 'Please fix the fields marked below.' : (body?.error?.message ?? `Sign-up failed (HTTP ${res.status}).`));
        setBusy(false);
        return;
      }
      const signed = await signIn('credentials', { redirect: false, email, password, callbackUrl });
      if (!signed || signed.error) {
        setError('Your account was created, but signing in failed. Go to the sign-in page and try again.');
        setBusy(false);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError('Sign-up failed: the server could not be reached. Try again.');
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
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Create an account">
        <div>
          <label htmlFor="name" className="block text-sm font-medium">Name <span className="font-normal text-slate-500">(optional)</span></label>
          <input id="name" name="name" type="text" autoComplete="name" maxLength={80} className={inputClass} aria-invalid={fields.name ? true : undefined} aria-describedby={fields.name ? 'name-error' : undefined} />
          {fields.name ? <p id="name-error" className="mt-1 text-sm text-red-700">{fields.name}</p> : null}
        </div>
        <div>
          <label htmlFor="email" className="block text-sm font-medium">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required className={inputClass} aria-invalid={fields.email ? true : undefined} aria-describedby={fields.email ? 'email-error' : undefined} />
          {fields.email ? <p id="email-error" className="mt-1 text-sm text-red-700">{fields.email}</p> : null}
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">Password</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} className={inputClass} aria-invalid={fields.password ? true : undefined} aria-describedby={fields.password ? 'password-help password-error' : 'password-help'} />
          <p id="password-help" className="mt-1 text-xs text-slate-500">At least 10 characters, mixing two kinds (letters, digits, symbols, upper/lower case).</p>
          {fields.password ? <p id="password-error" className="mt-1 text-sm text-red-700">{fields.password}</p> : null}
        </div>
        <button type="submit" disabled={busy} className="w-full rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-600 disabled:opacity-60">
          {busy ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p className="text-sm text-slate-600">
        Already registered?{' '}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-sky-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
