import { anonymiseYaml, median, summarizeCohort, type TAttemptInput } from './summarize-cohort';

const t = (min: number) => new Date(Date.UTC(2026, 0, 1, 0, min));
const report = (failed: [string, string, number][], lint: string[] = [], errors = 0) => ({
  expectations: failed.map(([from, to, port]) => ({ from, to, port, protocol: 'TCP', passed: false })),
  lint: lint.map((code) => ({ code })),
  errors: Array.from({ length: errors }, () => ({ message: 'x' })),
});
const att = (userId: string, slug: string, min: number, passed: boolean, results: unknown = { expectations: [] }, yaml = 'kind: NetworkPolicy\n'): TAttemptInput => ({ userId, scenarioSlug: slug, passed, results, yaml, createdAt: t(min) });

describe('summarizeCohort', () => {
  const members = [
    { userId: 'a', name: 'Ann', joinedAt: t(0) },
    { userId: 'b', name: 'Bo', joinedAt: t(0) },
    { userId: 'c', name: 'Cy', joinedAt: t(0) },
  ];
  const attempts = [
    att('a', 's1', 1, false, report([['x/a', 'x/b', 80]], ['NP003']), '# by Ann\nkind: NetworkPolicy # mine\n'),
    att('a', 's1', 2, false, report([['x/a', 'x/b', 80], ['x/c', 'x/b', 80]], ['NP003', 'NP005'])),
    att('a', 's1', 3, true),
    att('b', 's1', 4, true),
    att('b', 's2', 5, false, report([], [], 1)),
    // Not a member: ignored.
    att('z', 's1', 6, false, report([['x/c', 'x/b', 80]])),
  ];
  const drills = [{ userId: 'c', title: 'Warm-up', startedAt: t(10), finishedAt: t(20), score: 0.5, passed: false }];
  const s = summarizeCohort(members, attempts, drills, new Map([['s1', 'Scenario one']]));

  test('per learner: solved count, drill results, last activity', () => {
    expect(s.learners.map((l) => [l.name, l.solved, l.attempted, l.attempts])).toEqual([
      ['Ann', 1, 1, 3],
      ['Bo', 1, 2, 2],
      ['Cy', 0, 0, 0],
    ]);
    expect(s.learners[2].drills).toEqual([{ title: 'Warm-up', score: 0.5, passed: false, finishedAt: t(20) }]);
    expect(s.learners[2].lastActivity).toEqual(t(20));
    expect(s.learners[0].lastActivity).toEqual(t(3));
  });

  test('per scenario: solve rate, median attempts to solve, most common failure with lint codes', () => {
    const s1 = s.scenarios.find((r) => r.slug === 's1')!;
    expect(s1.title).toBe('Scenario one');
    expect([s1.learnersAttempted, s1.learnersSolved, s1.solveRate]).toEqual([2, 2, 1]);
    // Ann solved on her 3rd attempt, Bo on his 1st.
    expect(s1.medianAttemptsToSolve).toBe(2);
    expect(s1.topFailures[0]).toEqual({ flow: 'x/a → x/b :80/TCP', count: 2, lintCodes: [{ code: 'NP003', count: 2 }, { code: 'NP005', count: 1 }] });
    expect(s1.topFailures[1].count).toBe(1);
    // The newest wrong answer that shows the top failure; the member outside the cohort never counts.
    expect(s1.failedAttempts).toBe(2);
    expect(s1.sampleWrongAnswer).toBe('kind: NetworkPolicy\n');
    const s2 = s.scenarios.find((r) => r.slug === 's2')!;
    expect([s2.solveRate, s2.medianAttemptsToSolve, s2.invalidAttempts]).toEqual([0, null, 1]);
  });
});

describe('anonymiseYaml', () => {
  test('drops comments but keeps # inside quotes', () => {
    expect(anonymiseYaml('# Ann Smith\nmetadata:\n  name: x # my try\n  annotations: {a: "b # c"}\n\n')).toBe('metadata:\n  name: x\n  annotations: {a: "b # c"}\n');
  });
});

describe('median', () => {
  test('odd, even, empty', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
