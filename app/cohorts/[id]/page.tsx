import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getOptionalUser, canAuthor } from '@/lib/auth';
import { isAppError, isDatabaseUnavailable } from '@/lib/errors';
import { getCohortReport } from '@/lib/db/cohort/get-cohort-report';
import type { TCohortReport } from '@/lib/db/cohort/types';
import { formatDateTime } from '@/app/_components/format';
import { ServiceUnavailable } from '@/app/_components/service-unavailable';

export const metadata: Metadata = { title: 'Cohort' };
export const dynamic = 'force-dynamic';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One cohort for its instructor (or an admin): per learner and per scenario, with the most common failure. */
export default async function CohortPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[a-z0-9]{1,64}$/i.test(id)) notFound();
  let report: TCohortReport;
  try {
    const user = await getOptionalUser();
    if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/cohorts/${id}`)}`);
    if (!canAuthor(user.role)) notFound();
    report = await getCohortReport({ id: user.id, role: user.role }, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    if (isDatabaseUnavailable(err)) return <ServiceUnavailable what="this cohort" />;
    throw err;
  }
  const h = await headers();
  const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost:3000'}`;
  const joinLink = `${origin}/cohorts/join?code=${report.cohort.code}`;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/cohorts" className="text-sky-800 underline">
            Cohorts
          </Link>{' '}
          / {report.cohort.name}
        </p>
        <h1 className="text-2xl font-semibold">{report.cohort.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          Join code <code className="rounded bg-slate-100 px-1 font-semibold" data-testid="join-code">{report.cohort.code}</code> · join link{' '}
          <code className="break-all rounded bg-slate-100 px-1">{joinLink}</code> · {report.cohort.members} learner{report.cohort.members === 1 ? '' : 's'}
        </p>
      </div>

      <section aria-labelledby="learners-h" className="space-y-2">
        <h2 id="learners-h" className="text-lg font-semibold">
          Learners
        </h2>
        {report.learners.length === 0 ? (
          <p className="text-sm text-slate-600">Nobody has joined yet: share the code or the link.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <table className="w-full text-sm" data-testid="cohort-learners">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-2">Learner</th>
                  <th scope="col" className="px-3 py-2">Solved</th>
                  <th scope="col" className="px-3 py-2">Attempts</th>
                  <th scope="col" className="px-3 py-2">Drills</th>
                  <th scope="col" className="px-3 py-2">Last activity</th>
                </tr>
              </thead>
              <tbody>
                {report.learners.map((l) => (
                  <tr key={l.userId} className="border-t border-slate-100 align-top">
                    <th scope="row" className="px-3 py-2 text-left font-medium">{l.name}</th>
                    <td className="px-3 py-2">
                      {l.solved} <span className="text-slate-500">of {l.attempted} tried</span>
                    </td>
                    <td className="px-3 py-2">{l.attempts}</td>
                    <td className="px-3 py-2">
                      {l.drills.length === 0 ? (
                        <span className="text-slate-500">none</span>
                      ) : (
                        <ul>
                          {l.drills.slice(0, 5).map((d, i) => (
                            <li key={i}>
                              {d.title}: {d.finishedAt ? `${d.score === null ? '?' : pct(d.score)} ${d.passed ? 'passed' : 'not passed'}` : 'unfinished'}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="px-3 py-2 text-slate-600">{l.lastActivity ? formatDateTime(l.lastActivity) : 'never'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="scenarios-h" className="space-y-2">
        <h2 id="scenarios-h" className="text-lg font-semibold">
          Scenarios
        </h2>
        {report.scenarios.length === 0 ? (
          <p className="text-sm text-slate-600">No attempts yet.</p>
        ) : (
          <div className="space-y-3" data-testid="cohort-scenarios">
            {report.scenarios.map((s) => (
              <article key={s.slug} className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
                <h3 className="font-semibold">
                  {s.title} <span className="font-mono text-xs font-normal text-slate-500">{s.slug}</span>
                </h3>
                <p className="text-sm">
                  Solve rate <strong>{pct(s.solveRate)}</strong> ({s.learnersSolved} of {s.learnersAttempted}) · median attempts to solve{' '}
                  <strong>{s.medianAttemptsToSolve ?? '–'}</strong> · {s.failedAttempts} failed attempt{s.failedAttempts === 1 ? '' : 's'}
                  {s.invalidAttempts > 0 ? ` (${s.invalidAttempts} with invalid YAML)` : ''}
                </p>
                {s.topFailures.length > 0 && (
                  <div className="text-sm">
                    <p className="font-medium">Most common failures</p>
                    <ol className="list-decimal pl-5">
                      {s.topFailures.map((f) => (
                        <li key={f.flow}>
                          <code>{f.flow}</code> failed {f.count}×{f.lintCodes.length > 0 ? <> · lint behind it: {f.lintCodes.map((c) => `${c.code} (${c.count}×)`).join(', ')}</> : null}
                        </li>
                      ))}
                    </ol>
                  </div>
                )}
                {s.sampleWrongAnswer && (
                  <details className="text-sm">
                    <summary className="cursor-pointer">Sample wrong answer (anonymised)</summary>
                    <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">{s.sampleWrongAnswer}</pre>
                  </details>
                )}
              </article>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
