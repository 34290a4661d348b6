/** Pure aggregation of a cohort's activity into the instructor's report (no I/O; unit-tested). */

/** A member as the report input sees them. */
export type TMemberInput = { userId: string; name: string; joinedAt: Date };
/** An attempt as the report input sees it (`results` is the stored grade report). */
export type TAttemptInput = { userId: string; scenarioSlug: string; passed: boolean; results: unknown; yaml: string; createdAt: Date };
/** A drill session as the report input sees it. */
export type TDrillInput = { userId: string; title: string; startedAt: Date; finishedAt: Date | null; score: number | null; passed: boolean | null };

/** One learner's row. */
export type TLearnerRow = {
  userId: string;
  name: string;
  solved: number;
  attempted: number;
  attempts: number;
  drills: { title: string; score: number | null; passed: boolean | null; finishedAt: Date | null }[];
  lastActivity: Date | null;
};

/** A failing flow and how often it failed, with the lint codes found in those failing submissions. */
export type TFailure = { flow: string; count: number; lintCodes: { code: string; count: number }[] };

/** One scenario's row. */
export type TScenarioRow = {
  slug: string;
  title: string;
  learnersAttempted: number;
  learnersSolved: number;
  /** learnersSolved / learnersAttempted. */
  solveRate: number;
  /** Median over solvers of the attempts up to and including their first pass; null when nobody solved it. */
  medianAttemptsToSolve: number | null;
  /** Failed attempts (not passing). */
  failedAttempts: number;
  /** Failed attempts whose YAML did not even validate. */
  invalidAttempts: number;
  /** The expectations failed most often (top 3). */
  topFailures: TFailure[];
  /** A wrong answer that fails the most common failure, comments removed and not attributed to anyone. */
  sampleWrongAnswer: string | null;
};

/** The whole report. */
export type TCohortSummary = { learners: TLearnerRow[]; scenarios: TScenarioRow[] };

type Report = { expectations?: { from?: unknown; to?: unknown; port?: unknown; protocol?: unknown; passed?: unknown }[]; lint?: { code?: unknown }[]; errors?: unknown[] };

function asReport(results: unknown): Report {
  return typeof results === 'object' && results !== null ? (results as Report) : {};
}

function failedFlows(r: Report): string[] {
  return (r.expectations ?? []).filter((e) => e.passed === false).map((e) => `${String(e.from)} → ${String(e.to)} :${String(e.port)}/${String(e.protocol ?? 'TCP')}`);
}

/** The median of a non-empty list (mean of the middle two for even lengths). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Removes what could identify the learner from a submission: whole-line comments and trailing comments
 * (a `#` after whitespace, outside quotes), and trailing blank lines.
 */
export function anonymiseYaml(yaml: string): string {
  const lines: string[] = [];
  for (const line of yaml.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    let out = '';
    let quote: string | null = null;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
      out += ch;
    }
    lines.push(out.replace(/\s+$/, ''));
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

function countTop(map: Map<string, number>, n: number): { key: string; count: number }[] {
  return [...map.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).slice(0, n);
}

/** Builds the cohort report from its members' attempts (oldest first or any order) and drill sessions. */
export function summarizeCohort(members: TMemberInput[], attempts: TAttemptInput[], drills: TDrillInput[], titles: Map<string, string>): TCohortSummary {
  const sorted = [...attempts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const memberIds = new Set(members.map((m) => m.userId));
  const mine = sorted.filter((a) => memberIds.has(a.userId));

  const learners: TLearnerRow[] = members.map((m) => {
    const own = mine.filter((a) => a.userId === m.userId);
    const ownDrills = drills.filter((d) => d.userId === m.userId).sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
    const times = [...own.map((a) => a.createdAt.getTime()), ...ownDrills.map((d) => (d.finishedAt ?? d.startedAt).getTime())];
    return {
      userId: m.userId,
      name: m.name,
      solved: new Set(own.filter((a) => a.passed).map((a) => a.scenarioSlug)).size,
      attempted: new Set(own.map((a) => a.scenarioSlug)).size,
      attempts: own.length,
      drills: ownDrills.map((d) => ({ title: d.title, score: d.score, passed: d.passed, finishedAt: d.finishedAt })),
      lastActivity: times.length ? new Date(Math.max(...times)) : null,
    };
  });

  const bySlug = new Map<string, TAttemptInput[]>();
  for (const a of mine) bySlug.set(a.scenarioSlug, [...(bySlug.get(a.scenarioSlug) ?? []), a]);
  const scenarios: TScenarioRow[] = [...bySlug.entries()].map(([slug, list]) => {
    const users = new Set(list.map((a) => a.userId));
    const toSolve: number[] = [];
    for (const u of users) {
      const own = list.filter((a) => a.userId === u);
      const first = own.findIndex((a) => a.passed);
      if (first >= 0) toSolve.push(first + 1);
    }
    const failed = list.filter((a) => !a.passed);
    const flowCounts = new Map<string, number>();
    const lintByFlow = new Map<string, Map<string, number>>();
    let invalid = 0;
    for (const a of failed) {
      const r = asReport(a.results);
      if ((r.errors ?? []).length > 0) invalid++;
      const codes = [...new Set((r.lint ?? []).map((l) => String(l.code)))];
      for (const f of failedFlows(r)) {
        flowCounts.set(f, (flowCounts.get(f) ?? 0) + 1);
        const lc = lintByFlow.get(f) ?? new Map<string, number>();
        for (const c of codes) lc.set(c, (lc.get(c) ?? 0) + 1);
        lintByFlow.set(f, lc);
      }
    }
    const topFailures = countTop(flowCounts, 3).map(({ key, count }) => ({
      flow: key,
      count,
      lintCodes: countTop(lintByFlow.get(key) ?? new Map(), 3).map(({ key: code, count: n }) => ({ code, count: n })),
    }));
    const top = topFailures[0]?.flow;
    // The newest wrong answer that shows the most common failure (or any wrong answer when none graded).
    const sample = [...failed].reverse().find((a) => (top ? failedFlows(asReport(a.results)).includes(top) : true)) ?? null;
    return {
      slug,
      title: titles.get(slug) ?? slug,
      learnersAttempted: users.size,
      learnersSolved: toSolve.length,
      solveRate: users.size ? toSolve.length / users.size : 0,
      medianAttemptsToSolve: median(toSolve),
      failedAttempts: failed.length,
      invalidAttempts: invalid,
      topFailures,
      sampleWrongAnswer: sample ? anonymiseYaml(sample.yaml) : null,
    };
  });
  scenarios.sort((a, b) => b.learnersAttempted - a.learnersAttempted || a.slug.localeCompare(b.slug));
  return { learners, scenarios };
}
