'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { AuthField, AuthFormFrame, AuthSubmit } from '../auth-form-parts';

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
    <AuthFormFrame error={error} switchTo={{ prompt: 'Already registered?', href: '/sign-in', label: 'Sign in', callbackUrl }}>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Create an account">
        <AuthField
          id="name"
          label={
            <>
              Name <span className="font-normal text-slate-500">(optional)</span>
            </>
          }
          type="text"
          autoComplete="name"
          maxLength={80}
          error={fields.name}
        />
        <AuthField id="email" label="Email" type="email" autoComplete="email" required error={fields.email} />
        <AuthField
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          help="At least 10 characters, mixing two kinds (letters, digits, symbols, upper/lower case)."
          error={fields.password}
        />
        <AuthSubmit busy={busy} label="Create account" busyLabel="Creating account…" />
      </form>
    </AuthFormFrame>
  );
}
