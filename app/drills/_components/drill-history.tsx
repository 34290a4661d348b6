import Link from 'next/link';
import { getOptionalUser } from '@/lib/auth';
import { listOwnDrillSessions, type TDrillHistoryItem } from '@/lib/db/drill/list-own-drill-sessions';
import { ScoreChart } from '@/app/_components/score-chart';
import { formatDateTime, formatDuration } from '@/app/_components/format';

const W = 640;
const H = 120;

/** Time used per drill as a share of its limit: one bar per finished session, oldest first (inline SVG, no JS). */
function TimeChart({ items }: { items: TDrillHistoryItem[] }) {
  const bars = items.map((h) => {
    const limit = h.deadline.getTime() - h.startedAt.getTime();
    return { id: h.id, title: h.title, share: limit > 0 ? Math.min(1, (h.durationMs ?? 0) / limit) : 1, used: h.durationMs ?? 0 };
  });
  const bw = Math.max(4, Math.min(40, (W - 50) / Math.max(1, bars.length) - 4));
  const avg = Math.round((bars.reduce((s, b) => s + b.share, 0) / Math.max(1, bars.length)) * 100);
  const summary = `${bars.length} drills; on average ${avg}% of the time limit used.`;
  return (
    <figure className="space-y-1">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Time used per drill. ${summary}`} className="h-auto w-full max-w-3xl">
        <line x1={44} x2={W} y1={H - 20} y2={H - 20} stroke="#cbd5e1" />
        <text x={40} y={14} fontSize={11} textAnchor="end" fill="#64748b">100%</text>
        <text x={40} y={H - 20} fontSize={11} textAnchor="end" fill="#64748b">0%</text>
        {bars.map((b, i) => {
          const h = b.share * (H - 30);
          return (
            <rect key={b.id} x={48 + i * (bw + 4)} y={H - 20 - h} width={bw} height={h} fill={b.share >= 1 ? '#b45309' : '#0369a1'}>
              <title>{`${b.title}: ${formatDuration(b.used)} (${Math.round(b.share * 100)}% of the limit)`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="text-xs text-slate-600">
        {summary} <span aria-hidden="true">Amber bars: time ran out.</span>
      </figcaption>
    </figure>
  );
}

/** The drill part of /progress: score and time trends and the list of sessions (renders nothing for anonymous visitors). */
export async function DrillHistorySection() {
  const user = await getOptionalUser();
  if (!user) return null;
  const history = await listOwnDrillSessions(user.id, { limit: 100 });
  const finished = history.filter((h) => h.finishedAt && h.score !== null).reverse();
  return (
    <section aria-labelledby="drill-history-heading" className="space-y-3" data-testid="drill-history">
      <h2 id="drill-history-heading" className="text-lg font-semibold">
        Drills
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">
          No drills yet. <Link href="/drills" className="text-sky-800 underline">Try a timed drill</Link> to practise against the clock.
        </p>
      ) : (
        <>
          {finished.length > 0 && (
            <div className="grid gap-4 lg:grid-cols-2">
              <div>
                <h3 className="text-sm font-semibold">Score trend (pass mark 66%)</h3>
                <ScoreChart points={finished.map((h) => ({ attemptId: h.id, at: (h.finishedAt as Date).toISOString(), scenarioSlug: h.title, score: h.score as number, passed: h.passed === true }))} />
              </div>
              <div>
                <h3 className="text-sm font-semibold">Time trend</h3>
                <TimeChart items={finished} />
              </div>
            </div>
          )}
          <table className="w-full max-w-4xl text-sm">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th scope="col" className="py-2">Drill</th>
                <th scope="col" className="py-2">Started</th>
                <th scope="col" className="py-2">Tasks</th>
                <th scope="col" className="py-2">Score</th>
                <th scope="col" className="py-2">Time used</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id} className="border-t border-slate-200">
                  <td className="py-2">
                    <Link href={h.finishedAt ? `/drills/session/${h.id}/results` : `/drills/session/${h.id}`} className="text-sky-800 underline">
                      {h.title}
                    </Link>
                  </td>
                  <td className="py-2">{formatDateTime(h.startedAt)}</td>
                  <td className="py-2">{h.taskCount}</td>
                  <td className="py-2">{h.finishedAt ? `${Math.round((h.score ?? 0) * 100)}% ${h.passed ? '✔' : '✘'}` : 'in progress'}</td>
                  <td className="py-2">{h.durationMs !== null ? `${formatDuration(h.durationMs)} of ${formatDuration(h.deadline.getTime() - h.startedAt.getTime())}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
