import type { Metadata } from 'next';
import Link from 'next/link';
import { getOptionalUser } from '@/lib/auth';
import { SignOutButton } from '@/app/_components/sign-out-button';

export const metadata: Metadata = { title: 'Sign out' };

/** Sign-out confirmation (the nav's button signs out directly; this page serves links and no-nav contexts). */
export default async function SignOutPage() {
  const user = await getOptionalUser();
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">Sign out</h1>
      {user ? (
        <>
          <p className="text-sm text-slate-600">You are signed in as {user.email}.</p>
          <SignOutButton className="rounded-md bg-slate-800 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700" />
        </>
      ) : (
        <p className="text-sm text-slate-600">
          You are signed out. <Link href="/sign-in" className="text-sky-700 underline">Sign in again</Link>
        </p>
      )}
    </div>
  );
}
