import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth';
import { safeCallbackUrl } from '../safe-callback';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Sign up' };

/** Sign-up page: creates a learner account and signs it in. */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  if (await getOptionalUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-semibold">Create your account</h1>
      <p className="mb-6 text-sm text-slate-600">Free, and your attempts and progress are kept.</p>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
