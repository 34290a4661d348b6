import Link from 'next/link';
import type { InputHTMLAttributes, ReactNode } from 'react';

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30';

/**
 * The frame of the sign-in and sign-up forms: the error alert, the form (and anything after it, e.g. GitHub),
 * and the link to the other form, which keeps the callbackUrl.
 */
export function AuthFormFrame({ error, children, switchTo }: { error: string | null; children: ReactNode; switchTo: { prompt: string; href: '/sign-in' | '/sign-up'; label: string; callbackUrl: string } }) {
  return (
    <div className="space-y-6">
      {error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {children}
      <p className="text-sm text-slate-600">
        {switchTo.prompt}{' '}
        <Link href={`${switchTo.href}?callbackUrl=${encodeURIComponent(switchTo.callbackUrl)}`} className="font-medium text-sky-700 underline">
          {switchTo.label}
        </Link>
      </p>
    </div>
  );
}

/**
 * A labelled input with an optional help line and field error, tied to the input through aria-describedby
 * (ids `${id}-help`, `${id}-error`).
 */
export function AuthField({ id, label, help, error, ...input }: { id: string; label: ReactNode; help?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} name={id} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...input} />
      {help ? (
        <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The forms' submit button, disabled and relabelled while the request runs. */
export function AuthSubmit({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  return (
    <button type="submit" disabled={busy} className="w-full rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-600 disabled:opacity-60">
      {busy ? busyLabel : label}
    </button>
  );
}
