import { bestByDrill, type TDrillHistoryItem } from './list-own-drill-sessions';
import { toResultsResponse } from './to-results-response';
import { toSession } from './to-session';

const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m));

function item(over: Partial<TDrillHistoryItem>): TDrillHistoryItem {
  return { id: 'x', drillSlug: 'warm-up', title: 'Warm-up', feedback: 'end', startedAt: at(0), deadline: at(10), finishedAt: at(5), score: 0.5, passed: false, taskCount: 2, durationMs: 300_000, ...over };
}

const task = { index: 0, scenarioId: 's1', slug: 'a', version: 1, title: 'A', kind: 'write', difficulty: 2 };
const results = { score: 1, passed: true, earned: 2, possible: 2, finishedBy: 'learner', tasks: [{ index: 0, slug: 'a', title: 'A', difficulty: 2, answered: true, score: 1, passed: true, timeSpentMs: 1000, attemptId: 'att' }] };
const row = { id: 'sess', userId: 'u', drillSlug: null, title: 'T', feedback: 'end', tasks: [task], startedAt: at(0), deadline: at(10), finishedAt: at(4), score: 1, passed: true, results };

describe('bestByDrill', () => {
  it('keeps the best finished score per catalog drill and ignores running and custom sessions', () => {
    const best = bestByDrill([
      item({ id: '1', score: 0.4 }),
      item({ id: '2', score: 0.8, passed: true }),
      item({ id: '3', score: null, finishedAt: null }),
      item({ id: '4', drillSlug: null, score: 1 }),
      item({ id: '5', drillSlug: 'exam-mock', score: 0.1 }),
    ]);
    expect([...best.entries()]).toEqual([
      ['warm-up', { score: 0.8, passed: true }],
      ['exam-mock', { score: 0.1, passed: false }],
    ]);
  });
});

describe('session rows', () => {
  it('parses the JSON columns and answers the finish shape', () => {
    const s = toSession(row);
    expect(s.tasks).toEqual([task]);
    expect(toResultsResponse(s)).toEqual({
      id: 'sess', title: 'T', finishedAt: at(4).toISOString(), finishedBy: 'learner', score: 1, passed: true, earned: 2, possible: 2,
      tasks: [{ index: 0, scenario: 'a', title: 'A', difficulty: 2, answered: true, score: 1, passed: true, timeSpentMs: 1000, attemptId: 'att' }],
    });
  });
  it('has no results while running', () => {
    expect(toResultsResponse(toSession({ ...row, finishedAt: null, results: null, score: null, passed: null }))).toBeNull();
  });
  it('treats a malformed row as a bug (500), not a user error', () => {
    expect(() => toSession({ ...row, tasks: [{ nope: 1 }] })).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => toSession({ ...row, feedback: 'sometimes' })).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});
