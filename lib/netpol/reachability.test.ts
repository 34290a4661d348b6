import { matrixToJson, reachability, renderMatrix } from './reachability';
import { modelWith, np } from './test-helpers';

describe('reachability', () => {
  const m = modelWith(np('deny', 'prod', 'podSelector: {matchLabels: {app: db}}\npolicyTypes: [Ingress]\ningress:\n- from: [{podSelector: {matchLabels: {app: api}}}]'));

  it('renders the upstream e2e grid: tab-separated, "-" corner, "." allowed, "X" denied', () => {
    const mat = reachability(m, ['prod/api', 'prod/db', 'internet'], 5432);
    expect(renderMatrix(mat)).toBe(['-\tprod/api\tprod/db\tinternet', 'prod/api\t.\t.\t.', 'prod/db\t.\t.\t.', 'internet\t.\tX\t.'].join('\n'));
  });

  it('marks unresolvable endpoints with "?" and reports them', () => {
    const mat = reachability(m, ['prod/api', 'prod/nope'], 80);
    expect(mat.errors).toEqual(['unknown endpoint `prod/nope`: no such pod']);
    expect(mat.unresolved).toEqual([1]);
    expect(renderMatrix(mat).split('\n')[2]).toBe('prod/nope\t?\t?');
  });

  it('a named port that a destination lacks makes that column false, with an error', () => {
    const mat = reachability(m, ['prod/web', 'prod/db'], 'http');
    expect(mat.allowed).toEqual([
      [true, false],
      [true, false],
    ]);
    expect(mat.errors).toEqual(['named port `http` (TCP) is not declared by destination pod `prod/db`']);
  });

  it('JSON form', () => {
    expect(matrixToJson(reachability(m, ['prod/web', 'prod/db'], 5432, 'TCP'))).toEqual({
      port: 5432,
      protocol: 'TCP',
      endpoints: ['prod/web', 'prod/db'],
      allowed: { 'prod/web': { 'prod/web': true, 'prod/db': false }, 'prod/db': { 'prod/web': true, 'prod/db': true } },
    });
  });
});
