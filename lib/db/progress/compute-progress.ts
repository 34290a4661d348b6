import type { TAttemptSummary, TCatalogScenario, THistoryPoint, TPractiseNext, TProgress, TScenarioStanding, TStreak, TTopicMastery } from './types';

/** One attempt counts for at most an hour of practice time (the page may have stayed open overnight). */
export const ATTEMPT_TIME_CAP_MS = 60 * 60 * 1000;
/** Half-life of a failure's weight in mastery: a failure a week ago weighs half as much as one today. */
export const FAILURE_HALF_LIFE_DAYS = 7;
/** How much one fresh failure discounts a solved scenario: credit = 1 / (1 + FAILURE_WEIGHT · Σ recency). */
export const FAILURE_WEIGHT = 0.5;
/** How many recent attempts the score history keeps. */
export const HISTORY_LIMIT = 100;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Status (new / attempted / solved), best score and attempt count per scenario slug. */
export function computeStandings(attempts: TAttemptSummary[]): Map<string, TScenarioStanding> {
  const out = new Map<string, TScenarioStanding>();
  for (const a of attempts) {
    const cur = out.get(a.scenarioSlug) ?? { status: 'attempted' as const, bestScore: null, attempts: 0, lastAttemptAt: null };
    cur.attempts += 1;
    cur.bestScore = cur.bestScore === null ? a.score : Math.max(cur.bestScore, a.score);
    if (a.passed) cur.status = 'solved';
    if (!cur.lastAttemptAt || a.createdAt > cur.lastAttemptAt) cur.lastAttemptAt = a.createdAt;
    out.set(a.scenarioSlug, cur);
  }
  return out;
}

/** The standing of a scenario without attempts. */
export const NEW_STANDING: TScenarioStanding = { status: 'new', bestScore: null, attempts: 0, lastAttemptAt: null };

/** The UTC calendar day of a date, `YYYY-MM-DD`. */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Current and longest run of consecutive UTC days with at least one attempt; the current run may end yesterday. */
export function computeStreak(attempts: TAttemptSummary[], now: Date): TStreak {
  const days = [...new Set(attempts.map((a) => utcDay(a.createdAt)))].sort();
  if (days.length === 0) return { current: 0, longest: 0, activeDays: 0, lastActiveDay: null };
  const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY_MS);
  let longest = 1;
  let run = 1;
  for (let i = 1; i < days.length; i++) {
    run = dayNumber(days[i]) - dayNumber(days[i - 1]) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  // `run` is now the run ending on the last active day; it is current only if that day is today or yesterday.
  const gap = dayNumber(utcDay(now)) - dayNumber(days[days.length - 1]);
  return { current: gap <= 1 ? run : 0, longest, activeDays: days.length, lastActiveDay: days[days.length - 1] };
}

/** Credit of one scenario for mastery: 0 unsolved; 1 solved, discounted by failures weighted by recency. */
export function scenarioCredit(attempts: TAttemptSummary[], now: Date): number {
  if (!attempts.some((a) => a.passed)) return 0;
  const recency = attempts
    .filter((a) => !a.passed)
    .reduce((sum, a) => sum + Math.pow(0.5, Math.max(0, now.getTime() - a.createdAt.getTime()) / DAY_MS / FAILURE_HALF_LIFE_DAYS), 0);
  return 1 / (1 + FAILURE_WEIGHT * recency);
}

/**
 * Progress of one learner over the published scenarios:
 * 1. standings per scenario; 2. per-topic mastery (mean credit of the topic's scenarios);
 * 3. history, streak, time; 4. practise next = the weakest topic's easiest unsolved scenario.
 */
export function computeProgress(scenarios: TCatalogScenario[], attempts: TAttemptSummary[], now: Date = new Date()): TProgress {
  const published = new Set(scenarios.map((s) => s.slug));
  // Attempts on retired scenarios still count as practice (streak, time, history) but not in solved/total.
  const standings = computeStandings(attempts);
  const bySlug = new Map<string, TAttemptSummary[]>();
  for (const a of attempts) bySlug.set(a.scenarioSlug, [...(bySlug.get(a.scenarioSlug) ?? []), a]);

  // 1. solved / attempted over published scenarios
  let solved = 0;
  let attempted = 0;
  for (const s of scenarios) {
    const st = standings.get(s.slug);
    if (st?.status === 'solved') solved++;
    else if (st) attempted++;
  }

  // 2. topic mastery
  const topicOrder: string[] = [];
  const topicScenarios = new Map<string, TCatalogScenario[]>();
  for (const s of scenarios) {
    for (const t of s.topics) {
      if (!topicScenarios.has(t)) {
        topicScenarios.set(t, []);
        topicOrder.push(t);
      }
      topicScenarios.get(t)!.push(s);
    }
  }
  const topics: TTopicMastery[] = topicOrder.sort().map((topic) => {
    const list = topicScenarios.get(topic)!;
    const credits = list.map((s) => scenarioCredit(bySlug.get(s.slug) ?? [], now));
    return {
      topic,
      total: list.length,
      solved: list.filter((s) => standings.get(s.slug)?.status === 'solved').length,
      mastery: credits.reduce((a, b) => a + b, 0) / list.length,
    };
  });

  // 3. history, streak, time
  const sorted = [...attempts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const history: THistoryPoint[] = sorted.slice(-HISTORY_LIMIT).map((a) => ({ attemptId: a.id, at: a.createdAt.toISOString(), scenarioSlug: a.scenarioSlug, score: a.score, passed: a.passed }));
  const timeSpentMs = attempts.reduce((sum, a) => sum + Math.min(Math.max(0, a.durationMs), ATTEMPT_TIME_CAP_MS), 0);

  // 4. practise next: the weakest topic that still has unsolved scenarios. Ties on mastery (common early on,
  // when most topics are at 0) go to the topic with the most recent failures (where the learner struggles),
  // then to the one whose next scenario is easiest, then by name.
  const failurePressure = (topic: string) =>
    topicScenarios.get(topic)!.reduce((sum, s) => sum + (bySlug.get(s.slug) ?? []).filter((a) => !a.passed).reduce((acc, a) => acc + Math.pow(0.5, Math.max(0, now.getTime() - a.createdAt.getTime()) / DAY_MS / FAILURE_HALF_LIFE_DAYS), 0), 0);
  const nextIn = (topic: string) =>
    topicScenarios
      .get(topic)!
      .filter((s) => standings.get(s.slug)?.status !== 'solved')
      .sort((a, b) => a.difficulty - b.difficulty || (standings.has(b.slug) ? 1 : 0) - (standings.has(a.slug) ? 1 : 0) || a.title.localeCompare(b.title))[0];
  const candidates = topics
    .filter((t) => t.solved < t.total)
    .map((t) => ({ t, pressure: failurePressure(t.topic), next: nextIn(t.topic) }))
    .sort((a, b) => a.t.mastery - b.t.mastery || b.pressure - a.pressure || a.next.difficulty - b.next.difficulty || a.t.topic.localeCompare(b.t.topic));
  let practiseNext: TPractiseNext | null = null;
  if (candidates.length) {
    const { t, next } = candidates[0];
    const pct = Math.round(t.mastery * 100);
    practiseNext = { slug: next.slug, title: next.title, topic: t.topic, difficulty: next.difficulty, reason: `${t.topic} is your weakest topic (${pct}% mastery, ${t.solved} of ${t.total} solved)` };
  }

  return {
    solved,
    total: published.size,
    attempted,
    attemptCount: attempts.length,
    topics,
    history,
    streak: computeStreak(attempts, now),
    timeSpentMs,
    practiseNext,
  };
}
