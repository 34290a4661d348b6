import { checkFixedList, matchesRule, pickByRule, resolveDrill, type TScenarioMeta } from './pick-scenarios';

const meta = (slug: string, kind: 'write' | 'predict', difficulty: number, topics: string[]): TScenarioMeta => ({ slug, title: slug, kind, difficulty, topics });

const catalog: TScenarioMeta[] = [
  meta('a-egress', 'write', 1, ['egress']),
  meta('b-dns', 'write', 2, ['egress', 'dns']),
  meta('c-ipblock', 'write', 3, ['ip-block']),
  meta('d-predict', 'predict', 2, ['egress', 'predict']),
  meta('e-ingress', 'write', 1, ['ingress']),
  meta('f-ingress', 'write', 2, ['ingress', 'ports']),
];

describe('matchesRule', () => {
  it('applies topics (any), kinds and difficulty bounds', () => {
    expect(matchesRule(catalog[1], { count: 1, topics: ['dns', 'ingress'] })).toBe(true);
    expect(matchesRule(catalog[1], { count: 1, topics: ['ingress'] })).toBe(false);
    expect(matchesRule(catalog[3], { count: 1, kinds: ['write'] })).toBe(false);
    expect(matchesRule(catalog[2], { count: 1, maxDifficulty: 2 })).toBe(false);
    expect(matchesRule(catalog[0], { count: 1, minDifficulty: 2 })).toBe(false);
    expect(matchesRule(catalog[2], { count: 1 })).toBe(true);
  });
});

describe('pickByRule', () => {
  it('picks distinct matching scenarios, easiest first, reproducibly from the seed', () => {
    const rule = { count: 3, topics: ['egress', 'ip-block', 'dns'] as ('egress' | 'ip-block' | 'dns')[] };
    const r1 = pickByRule(rule, catalog, 'seed');
    const r2 = pickByRule(rule, [...catalog].reverse(), 'seed');
    expect(r1).toEqual(r2);
    if (!r1.ok) throw new Error(r1.message);
    expect(new Set(r1.slugs).size).toBe(3);
    for (const s of r1.slugs) expect(['a-egress', 'b-dns', 'c-ipblock', 'd-predict']).toContain(s);
    const diffs = r1.slugs.map((s) => catalog.find((c) => c.slug === s)!.difficulty);
    expect([...diffs].sort()).toEqual(diffs);
  });
  it('varies with the seed', () => {
    const rule = { count: 2 };
    const picks = new Set(Array.from({ length: 20 }, (_, i) => {
      const r = pickByRule(rule, catalog, `s${i}`);
      return r.ok ? [...r.slugs].sort().join(',') : 'fail';
    }));
    expect(picks.size).toBeGreaterThan(3);
  });
  it('fails with a clear message when too few scenarios match', () => {
    const r = pickByRule({ count: 3, topics: ['ingress'] }, catalog, 'x');
    expect(r).toEqual({ ok: false, message: "only 2 published scenarios match this drill's rule, it needs 3" });
  });
});

describe('fixed lists', () => {
  it('keeps the order and refuses unknown or repeated slugs', () => {
    expect(checkFixedList(['c-ipblock', 'a-egress'], catalog)).toEqual({ ok: true, slugs: ['c-ipblock', 'a-egress'] });
    expect(checkFixedList(['nope', 'a-egress'], catalog)).toEqual({ ok: false, message: 'no published scenario `nope`' });
    expect(checkFixedList(['a-egress', 'a-egress'], catalog).ok).toBe(false);
  });
  it('resolveDrill uses the list or the rule', () => {
    expect(resolveDrill({ scenarios: ['e-ingress'] }, catalog, 'x')).toEqual({ ok: true, slugs: ['e-ingress'] });
    const r = resolveDrill({ rule: { count: 2, topics: ['ingress'] } }, catalog, 'x');
    expect(r.ok && [...r.slugs].sort()).toEqual(['e-ingress', 'f-ingress']);
  });
});
