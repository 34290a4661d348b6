import { toReplayFeedback } from './attempt-feedback';

describe('toReplayFeedback', () => {
  const report = {
    score: 0.5,
    errors: [{ line: 3, column: 5, path: 'spec.podSelector', message: 'Required value' }],
    expectations: [
      { from: 'dev/tester', to: 'prod/web', port: 80, protocol: 'TCP', expected: 'denied', actual: 'allowed', passed: false, reason: 'allowed by prod/allow rule spec.ingress[0]', why: 'dev must not reach web', policyLine: 7, pointers: [] },
      { from: 'prod/api', to: 'prod/db', port: 5432, protocol: 'TCP', expected: 'allowed', actual: 'denied', passed: false, reason: 'isolated by prod/old', why: 'api needs db', pointers: [{ policy: 'prod/x', path: 'spec', line: 12, inSubmission: true }] },
      { from: 'prod/web', to: 'prod/api', port: 8080, protocol: 'TCP', expected: 'allowed', actual: 'allowed', passed: true, reason: 'ok', why: 'HIDDEN PASSED WHY' },
      { from: 'ext', to: 'prod/web', port: 80, protocol: 'TCP', expected: 'denied', actual: 'allowed', passed: false, reason: 'not isolated', why: '' },
    ],
    requirements: [{ description: 'a NetworkPolicy named `a` in `prod`', passed: false, reason: 'not submitted' }, { description: 'ok one', passed: true, reason: '' }],
    lint: [{ code: 'dns-egress-missing', message: 'no DNS', line: 7 }],
  };

  it('pins errors, failed flows and lint to their lines', () => {
    const f = toReplayFeedback(report);
    expect(f.byLine.get(3)?.[0]).toMatchObject({ kind: 'error', title: 'Required value' });
    expect(f.byLine.get(7)?.map((i) => i.kind)).toEqual(['failed', 'lint']);
    expect(f.byLine.get(12)?.[0].title).toBe('prod/api → prod/db :5432/TCP: expected allowed, got denied');
  });

  it('keeps unpinned failures and failed requirements apart, and never shows passed expectations', () => {
    const f = toReplayFeedback(report);
    expect(f.unpinned.map((i) => i.kind)).toEqual(['failed', 'requirement']);
    expect(JSON.stringify(f.items)).not.toContain('HIDDEN PASSED WHY');
    expect(f.items.some((i) => i.title.includes('ok one'))).toBe(false);
  });

  it('accepts redacted reports with `failed` and tolerates garbage', () => {
    const f = toReplayFeedback({ failed: [{ from: 'a/b', to: 'c/d', port: 1, protocol: 'UDP', expected: 'allowed', actual: 'denied', reason: 'r' }] });
    expect(f.unpinned[0].title).toBe('a/b → c/d :1/UDP: expected allowed, got denied');
    expect(toReplayFeedback(null).items).toEqual([]);
    expect(toReplayFeedback({ expectations: 'x' }).items).toEqual([]);
  });
});
