import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getOptionalUser } from '@/lib/auth';
import { isDatabaseUnavailable } from '@/lib/errors';
import { getAttemptReplay, type TAttemptReplay } from '@/lib/db/attempt/get-attempt-replay';
import type { TFeedbackItem } from '@/lib/db/progress/attempt-feedback';
import { formatScore } from '@/app/_components/status-badge';
import { formatDateTime, formatDuration } from '@/app/_components/format';
import { ServiceUnavailable } from '@/app/_components/service-unavailable';

export const metadata: Metadata = { title: 'Attempt replay' };
export const dynamic = 'force-dynamic';

const KIND: Record<TFeedbackItem['kind'], { label: string; symbol: string; cls: string }> = {
  error: { label: 'Error', symbol: '✗', cls: 'border-red-300 bg-red-50 text-red-900' },
  failed: { label: 'Failed flow', symbol: '✗', cls: 'border-amber-300 bg-amber-50 text-amber-900' },
  requirement: { label: 'Requirement', symbol: '✗', cls: 'border-amber-300 bg-amber-50 text-amber-900' },
  lint: { label: 'Hint', symbol: '!', cls: 'border-sky-300 bg-sky-50 text-sky-900' },
};

function Feedback({ item }: { item: TFeedbackItem }) {
  const k = KIND[item.kind];
  return (
    <div className={`rounded border px-3 py-2 font-sans text-sm ${k.cls}`}>
      <p className="font-medium">
        <span aria-hidden="true">{k.symbol} </span>
        <span className="sr-only">{k.label}: </span>
        {item.title}
      </p>
      {item.detail ? <p className="mt-1 whitespace-pre-wrap text-xs">{item.detail}</p> : null}
    </div>
  );
}

/** Replay of one of the user's own attempts: the YAML with the stored feedback (redacted under the reveal rules) pinned under its lines. Others' ids are 404. */
export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let replay: TAttemptReplay | null;
  try {
    const user = await getOptionalUser();
    if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/attempts/${id}`)}`);
    replay = id.length <= 64 ? await getAttemptReplay(user.id, id) : null;
  } catch (err) {
    if (isDatabaseUnavailable(err)) return <ServiceUnavailable what="this attempt" />;
    throw err;
  }
  if (!replay) notFound();
  const { attempt, feedback } = replay;
  const lines = attempt.yaml.split('\n');
  const outOfRange = [...feedback.byLine.entries()].filter(([line]) => line > lines.length).flatMap(([, items]) => items);
  const unpinned = [...feedback.unpinned, ...outOfRange];
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/attempts" className="text-sky-700 underline">← All attempts</Link></p>
        <h1 className="text-2xl font-semibold">{attempt.scenarioTitle ?? attempt.scenarioSlug}</h1>
        <p className="text-sm text-slate-600">
          {formatDateTime(attempt.createdAt)} · scenario version {attempt.scenarioVersion}
          {attempt.inDrill ? ' · in a drill' : ''}
        </p>
      </div>
      <dl className="flex flex-wrap gap-6 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
        <div><dt className="text-xs uppercase text-slate-500">Result</dt><dd className="font-semibold">{attempt.passed ? '✓ Passed' : '✗ Not passed'}</dd></div>
        <div><dt className="text-xs uppercase text-slate-500">Score</dt><dd className="font-semibold">{formatScore(attempt.score)} ({attempt.passedCount}/{attempt.total} checks)</dd></div>
        <div><dt className="text-xs uppercase text-slate-500">Time</dt><dd>{formatDuration(attempt.durationMs)}</dd></div>
        <div><dt className="text-xs uppercase text-slate-500">Hints used</dt><dd>{attempt.hintsUsed}</dd></div>
        <div><dt className="text-xs uppercase text-slate-500">Solution viewed</dt><dd>{attempt.solutionViewed ? 'yes' : 'no'}</dd></div>
      </dl>
      <p className="text-sm">
        <Link href={`/scenarios/${attempt.scenarioSlug}`} className="font-medium text-sky-700 underline">Practise this scenario again</Link>
      </p>

      {unpinned.length ? (
        <section aria-labelledby="general-heading" className="space-y-2">
          <h2 id="general-heading" className="text-lg font-semibold">Feedback not tied to a line of your YAML</h2>
          {unpinned.map((it, i) => <Feedback key={i} item={it} />)}
        </section>
      ) : null}

      <section aria-labelledby="yaml-heading" className="space-y-2">
        <h2 id="yaml-heading" className="text-lg font-semibold">Your submission</h2>
        {feedback.items.length === 0 ? <p className="text-sm text-emerald-800">✓ No errors, failed checks or hints for this submission.</p> : null}
        <ol className="overflow-x-auto rounded-lg bg-slate-950 py-2 font-mono text-sm text-slate-100" aria-label="Submitted YAML with feedback">
          {lines.map((text, i) => {
            const items = feedback.byLine.get(i + 1) ?? [];
            return (
              <li key={i} className={items.length ? 'bg-amber-500/15' : undefined}>
                <div className="flex">
                  <span className="w-12 shrink-0 select-none pr-3 text-right text-slate-500" aria-hidden="true">{i + 1}</span>
                  <span className="sr-only">Line {i + 1}: </span>
                  <pre className="whitespace-pre">{text || ' '}</pre>
                </div>
                {items.length ? (
                  <div className="space-y-1 py-1 pl-12 pr-3">
                    {items.map((it, j) => <Feedback key={j} item={it} />)}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
