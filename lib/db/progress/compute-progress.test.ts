import { computeProgress, computeStandings, computeStreak, scenarioCredit, ATTEMPT_TIME_CAP_MS } from './compute-progress';
import type { TAttemptSummary, TCatalogScenario } from './types';

const NOW = new Date('2026-03-10T12:00:00Z');
const day = (n: number, h = 10) => new Date(Date.UTC(2026, 2, 10 - n, h));

function scenario(slug: string, topics: string[], difficulty = 1): TCatalogScenario {
  return { id: slug, slug, version: 1, title: slug.toUpperCase(), kind: 'write', difficulty, timeMinutes: 5, topics, task: '' };
}
let seq = 0;
function attempt(slug: string, passed: boolean, at: Date, score = passed ? 1 : 0.5, durationMs = 60_000): TAttemptSummary {
  return { id: `a${++seq}`, scenarioSlug: slug, passed, score, durationMs, createdAt: at };
}

describe('computeStandings', () => {
  it('marks new / attempted / solved with the best score', () => {
    const st = computeStandings([attempt('a', false, day(2), 0.3), attempt('a', false, day(1), 0.6), attempt('b', true, day(1))]);
    expect(st.get('a')).toMatchObject({ status: 'attempted', bestScore: 0.6, attempts: 2 });
    expect(st.get('b')).toMatchObject({ status: 'solved', bestScore: 1 });
    expect(st.has('c')).toBe(false);
  });
  it('keeps solved after a later failure', () => {
    const st = computeStandings([attempt('a', true, day(3)), attempt('a', false, day(1), 0.2)]);
    expect(st.get('a')?.status).toBe('solved');
  });
});

describe('computeStreak', () => {
  it('counts consecutive days ending today or yesterday', () => {
    expect(computeStreak([attempt('a', true, day(0)), attempt('a', true, day(1)), attempt('a', true, day(2)), attempt('a', true, day(5))], NOW)).toEqual({ current: 3, longest: 3, activeDays: 4, lastActiveDay: '2026-03-10' });
    expect(computeStreak([attempt('a', true, day(1)), attempt('a', true, day(2))], NOW).current).toBe(2);
  });
  it('drops the current streak after a missed day but keeps the longest', () => {
    const s = computeStreak([attempt('a', true, day(2)), attempt('a', true, day(3)), attempt('a', true, day(4)), attempt('a', true, day(4, 20))], NOW);
    expect(s).toMatchObject({ current: 0, longest: 3, activeDays: 3 });
  });
  it('is zero without attempts', () => {
    expect(computeStreak([], NOW)).toEqual({ current: 0, longest: 0, activeDays: 0, lastActiveDay: null });
  });
});

describe('scenarioCredit', () => {
  it('is 0 unsolved, 1 solved cleanly, and lower with recent failures than with old ones', () => {
    expect(scenarioCredit([attempt('a', false, day(0))], NOW)).toBe(0);
    expect(scenarioCredit([attempt('a', true, day(0))], NOW)).toBe(1);
    const recent = scenarioCredit([attempt('a', false, day(0)), attempt('a', true, day(0))], NOW);
    const old = scenarioCredit([attempt('a', false, day(30)), attempt('a', true, day(0))], NOW);
    expect(recent).toBeCloseTo(1 / 1.5, 2);
    expect(old).toBeGreaterThan(recent);
    expect(old).toBeLessThan(1);
  });
});

describe('computeProgress', () => {
  const scenarios = [scenario('s1', ['ingress', 'default-deny']), scenario('s2', ['ingress'], 2), scenario('s3', ['egress']), scenario('s4', ['egress'], 2)];

  it('counts solved over published scenarios and computes topic mastery', () => {
    const p = computeProgress(scenarios, [attempt('s1', true, day(0)), attempt('s3', false, day(0)), attempt('gone', true, day(0))], NOW);
    expect(p).toMatchObject({ solved: 1, total: 4, attempted: 1, attemptCount: 3 });
    expect(p.topics.map((t) => t.topic)).toEqual(['default-deny', 'egress', 'ingress']);
    expect(p.topics.find((t) => t.topic === 'ingress')).toMatchObject({ total: 2, solved: 1, mastery: 0.5 });
    expect(p.topics.find((t) => t.topic === 'egress')).toMatchObject({ solved: 0, mastery: 0 });
  });

  it('suggests the weakest topic’s easiest unsolved scenario', () => {
    const p = computeProgress(scenarios, [attempt('s1', true, day(0))], NOW);
    expect(p.practiseNext).toMatchObject({ slug: 's3', topic: 'egress' });
    const done = computeProgress(scenarios, scenarios.map((s) => attempt(s.slug, true, day(0))), NOW);
    expect(done.practiseNext).toBeNull();
  });

  it('breaks mastery ties towards the topic with recent failures, then the easiest next scenario', () => {
    const p = computeProgress(scenarios, [attempt('s4', false, day(0))], NOW);
    expect(p.practiseNext).toMatchObject({ topic: 'egress', slug: 's3' });
    const easy = computeProgress([scenario('h', ['a-topic'], 3), scenario('e', ['b-topic'], 1)], [], NOW);
    expect(easy.practiseNext).toMatchObject({ topic: 'b-topic', slug: 'e' });
  });

  it('caps each attempt’s time and keeps the history in time order', () => {
    const p = computeProgress(scenarios, [attempt('s2', true, day(0), 1, 5 * ATTEMPT_TIME_CAP_MS), attempt('s1', false, day(1), 0.25, 1000)], NOW);
    expect(p.timeSpentMs).toBe(ATTEMPT_TIME_CAP_MS + 1000);
    expect(p.history.map((h) => h.scenarioSlug)).toEqual(['s1', 's2']);
    expect(p.history[0]).toMatchObject({ score: 0.25, passed: false });
  });
});
