import type { THistoryPoint } from '@/lib/db/progress/types';

const W = 640;
const H = 200;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/** Score history as an inline SVG line chart (no JS), with a text summary and a data table for screen readers. */
export function ScoreChart({ points }: { points: THistoryPoint[] }) {
  if (points.length === 0) return <p className="text-sm text-slate-600">No attempts yet: your scores will be charted here.</p>;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (score: number) => PAD.top + (1 - score) * innerH;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  const first = points[0].at.slice(0, 10);
  const last = points[points.length - 1].at.slice(0, 10);
  const passes = points.filter((p) => p.passed).length;
  const avg = Math.round((points.reduce((s, p) => s + p.score, 0) / points.length) * 100);
  const summary = `${points.length} attempts from ${first} to ${last}; ${passes} passed; average score ${avg}%.`;
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Score history chart. ${summary}`} className="h-auto w-full max-w-3xl">
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#64748b">{Math.round(v * 100)}%</text>
          </g>
        ))}
        <text x={PAD.left} y={H - 8} fontSize={11} fill="#64748b">{first}</text>
        <text x={W - PAD.right} y={H - 8} fontSize={11} fill="#64748b" textAnchor="end">{last}</text>
        <path d={path} fill="none" stroke="#0369a1" strokeWidth={2} />
        {points.map((p, i) =>
          p.passed ? (
            <circle key={p.attemptId} cx={x(i)} cy={y(p.score)} r={4} fill="#047857"><title>{`${p.scenarioSlug}: ${Math.round(p.score * 100)}%, passed`}</title></circle>
          ) : (
            <rect key={p.attemptId} x={x(i) - 3.5} y={y(p.score) - 3.5} width={7} height={7} fill="#b45309"><title>{`${p.scenarioSlug}: ${Math.round(p.score * 100)}%, not passed`}</title></rect>
          ),
        )}
      </svg>
      <figcaption className="text-xs text-slate-600">
        {summary} <span aria-hidden="true">● passed, ■ not passed.</span>
      </figcaption>
    </figure>
  );
}
