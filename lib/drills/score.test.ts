import { PASS_THRESHOLD, scoreDrill } from './score';

describe('scoreDrill', () => {
  it('weights each task by its difficulty', () => {
    // easy passed (1), hard failed (0 of 3): 1/4
    expect(scoreDrill([{ difficulty: 1, score: 1 }, { difficulty: 3, score: 0 }])).toEqual({ score: 0.25, passed: false, earned: 1, possible: 4 });
    // hard passed: 3/4
    expect(scoreDrill([{ difficulty: 1, score: 0 }, { difficulty: 3, score: 1 }]).score).toBe(0.75);
  });
  it('counts partial task scores and unanswered tasks as 0', () => {
    const r = scoreDrill([{ difficulty: 2, score: 0.5 }, { difficulty: 2, score: null }]);
    expect(r.score).toBe(0.25);
    expect(r.earned).toBe(1);
  });
  it('passes at 66% and not below', () => {
    expect(PASS_THRESHOLD).toBe(0.66);
    expect(scoreDrill([{ difficulty: 1, score: 0.66 }]).passed).toBe(true);
    expect(scoreDrill([{ difficulty: 1, score: 0.659 }]).passed).toBe(false);
    expect(scoreDrill([{ difficulty: 1, score: 1 }, { difficulty: 1, score: 1 }, { difficulty: 1, score: 0 }]).passed).toBe(true);
  });
  it('scores an empty drill 0 and clamps odd inputs', () => {
    expect(scoreDrill([])).toEqual({ score: 0, passed: false, earned: 0, possible: 0 });
    expect(scoreDrill([{ difficulty: 1, score: 7 }]).score).toBe(1);
    expect(scoreDrill([{ difficulty: 1, score: Number.NaN }]).score).toBe(0);
  });
});
