import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth';
import { JoinCohortForm } from '../cohort-forms';

export const metadata: Metadata = { title: 'Join a cohort' };
export const dynamic = 'force-dynamic';

/** The join link (`/cohorts/join?code=…`): the code filled in, one click to join. */
export default async function JoinPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const code = typeof sp.code === 'string' ? sp.code.slice(0, 32) : '';
  const user = await getOptionalUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/cohorts/join?code=${code}`)}`);
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Join a cohort</h1>
      <JoinCohortForm initialCode={code} />
    </div>
  );
}
