import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getOptionalUser, canAuthor } from '@/lib/auth';
import { isDatabaseUnavailable } from '@/lib/errors';
import { listCohorts } from '@/lib/db/cohort/list-cohorts';
import { listMemberships } from '@/lib/db/cohort/list-memberships';
import { formatDateTime } from '@/app/_components/format';
import { ServiceUnavailable } from '@/app/_components/service-unavailable';
import { CreateCohortForm, JoinCohortForm } from './cohort-forms';

export const metadata: Metadata = { title: 'Cohorts' };
export const dynamic = 'force-dynamic';

/** Cohorts: the ones you teach (instructors), the ones you belong to, and join / create forms. */
export default async function CohortsPage() {
  let data;
  try {
    const user = await getOptionalUser();
    if (!user) redirect('/sign-in?callbackUrl=%2Fcohorts');
    const teacher = canAuthor(user.role);
    const [memberOf, teaching] = await Promise.all([listMemberships(user.id), teacher ? listCohorts({ id: user.id, role: user.role }) : Promise.resolve([])]);
    data = { teacher, memberOf, teaching };
  } catch (err) {
    if (isDatabaseUnavailable(err)) return <ServiceUnavailable what="your cohorts" />;
    throw err;
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Cohorts</h1>
      {data.teacher && (
        <section aria-labelledby="teaching-h" className="space-y-2">
          <h2 id="teaching-h" className="text-lg font-semibold">
            Cohorts you teach
          </h2>
          {data.teaching.length === 0 ? (
            <p className="text-sm text-slate-600">None yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              {data.teaching.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                  <Link href={`/cohorts/${c.id}`} className="font-medium text-sky-800 underline">
                    {c.name}
                  </Link>
                  <span className="text-slate-600">
                    code <code className="font-semibold">{c.code}</code> · {c.members} learner{c.members === 1 ? '' : 's'} · created {formatDateTime(c.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="member-h" className="space-y-2">
        <h2 id="member-h" className="text-lg font-semibold">
          Cohorts you belong to
        </h2>
        {data.memberOf.length === 0 ? (
          <p className="text-sm text-slate-600">None: join one with the code from your instructor.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {data.memberOf.map((m) => (
              <li key={m.cohortId}>
                {m.name} <span className="text-slate-500">(joined {formatDateTime(m.joinedAt)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <JoinCohortForm />
        {data.teacher && <CreateCohortForm />}
      </div>
    </div>
  );
}
