import { explainVerdict, summarizeVerdict } from './explain';
import { modelWith, np, probe } from './test-helpers';

describe('explain', () => {
  const m = modelWith(np('db', 'prod', 'podSelector: {matchLabels: {app: db}}\ningress:\n- from: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: 5432}]'));

  it('allowed: names the allowing rule with its line', () => {
    const v = probe(m, 'prod/api', 'prod/db', 5432);
    expect(summarizeVerdict(v)).toBe('allowed: egress of prod/api not isolated; ingress of prod/db allowed by prod/db spec.ingress[0] (line 7)');
    expect(explainVerdict(v).split('\n')[0]).toBe('ALLOWED: prod/api -> prod/db on 5432/TCP');
  });

  it('denied: names the isolating policy and the first reason', () => {
    const v = probe(m, 'prod/web', 'prod/db', 5432);
    expect(summarizeVerdict(v)).toBe(
      'denied: ingress of prod/db denied: isolated by prod/db; prod/db spec.ingress[0] (line 7): spec.ingress[0].from[0].podSelector wants app=api, pod prod/web has app=web',
    );
    expect(explainVerdict(v)).toContain('  - prod/db spec.ingress[0] (line 7): spec.ingress[0].from[0].podSelector wants app=api, pod prod/web has app=web');
  });

  it('self, errors and externals', () => {
    expect(summarizeVerdict(probe(m, 'prod/db', 'prod/db', 1))).toBe('allowed: traffic from a pod to itself is always allowed');
    expect(summarizeVerdict(probe(m, 'x/y', 'prod/db', 1))).toBe('error: unknown endpoint `x/y`: no such pod');
    expect(summarizeVerdict(probe(m, 'internet', 'partner', 1))).toBe('allowed: neither endpoint is a pod, no NetworkPolicy applies');
  });

  it('summaries are one line', () => {
    for (const [f, t] of [['prod/web', 'prod/db'], ['prod/api', 'prod/db'], ['internet', 'prod/db']]) {
      expect(summarizeVerdict(probe(m, f, t, 5432))).not.toContain('\n');
    }
  });
});
