import { filterCatalog, ZCatalogFilters } from './catalog';
import type { TCatalogScenario, TScenarioStanding } from './types';

const s = (slug: string, topics: string[], difficulty: number, task = ''): TCatalogScenario => ({ id: slug, slug, version: 1, title: `Title ${slug}`, kind: 'write', difficulty, timeMinutes: 5, topics, task });
const scenarios = [s('deny', ['default-deny', 'ingress'], 1, 'Deny all ingress in `prod`'), s('dns', ['egress', 'dns'], 2, 'Allow DNS to kube-system'), s('tier', ['multi-tier'], 3)];
const standings = new Map<string, TScenarioStanding>([
  ['deny', { status: 'solved', bestScore: 1, attempts: 2, lastAttemptAt: new Date() }],
  ['dns', { status: 'attempted', bestScore: 0.5, attempts: 1, lastAttemptAt: new Date() }],
]);

describe('ZCatalogFilters', () => {
  it('parses searchParams and ignores bad values', () => {
    expect(ZCatalogFilters.parse({ q: ' dns ', difficulty: '2', status: 'solved', topic: '' })).toEqual({ q: 'dns', difficulty: 2, status: 'solved', topic: undefined });
    expect(ZCatalogFilters.parse({ difficulty: 'x', status: 'weird' })).toEqual({ difficulty: undefined, status: undefined });
    expect(ZCatalogFilters.parse({ topic: ['ingress', 'egress'] }).topic).toBe('ingress');
  });
});

describe('filterCatalog', () => {
  it('returns everything sorted by difficulty without filters, new where no attempts', () => {
    const all = filterCatalog(scenarios, standings, {});
    expect(all.map((e) => e.slug)).toEqual(['deny', 'dns', 'tier']);
    expect(all[2].standing.status).toBe('new');
  });
  it('filters by topic, difficulty and status', () => {
    expect(filterCatalog(scenarios, standings, { topic: 'egress' }).map((e) => e.slug)).toEqual(['dns']);
    expect(filterCatalog(scenarios, standings, { difficulty: 3 }).map((e) => e.slug)).toEqual(['tier']);
    expect(filterCatalog(scenarios, standings, { status: 'new' }).map((e) => e.slug)).toEqual(['tier']);
    expect(filterCatalog(scenarios, standings, { status: 'solved' }).map((e) => e.slug)).toEqual(['deny']);
  });
  it('searches every word in title, topics and task text', () => {
    expect(filterCatalog(scenarios, standings, { q: 'kube-system dns' }).map((e) => e.slug)).toEqual(['dns']);
    expect(filterCatalog(scenarios, standings, { q: 'PROD' }).map((e) => e.slug)).toEqual(['deny']);
    expect(filterCatalog(scenarios, standings, { q: 'prod dns' })).toEqual([]);
  });
});
