'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/** Signs out through next-auth (CSRF-protected POST) and returns to the home page. */
export function SignOutButton({ className }: { className?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: '/' });
      }}
      className={className ?? 'rounded-md px-3 py-2 text-sm font-medium text-slate-300 hover:bg-slate-800 hover:text-white disabled:opacity-60'}
    >
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
