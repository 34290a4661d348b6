import { parse, parseAllDocuments } from 'yaml';
import { deriveMutants } from './mutate';

const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: shop
spec:
  podSelector:
    matchLabels: { app: api }
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: { team: ops }
          podSelector:
            matchExpressions:
              - { key: tier, operator: In, values: [web, edge] }
        - podSelector: { matchLabels: { app: web } }
        - namespaceSelector: { matchLabels: { env: prod } }
      ports:
        - { port: 8080, endPort: 8080 }
        - { port: http }
  egress:
    - to:
        - ipBlock: { cidr: 10.0.0.0/8 }
`;
const opts = { namespaces: ['shop', 'other'], defaultNamespace: 'shop', portNames: ['http', 'metrics'] };

describe('deriveMutants', () => {
  const mutants = deriveMutants(policy, opts);
  const byOp = (op: string) => mutants.filter((m) => m.operator === op);

  it('derives each operator the expected number of times', () => {
    expect(byOp('drop-policy-types')).toHaveLength(1);
    expect(byOp('change-namespace')).toHaveLength(1);
    expect(byOp('drop-rule')).toHaveLength(2);
    expect(byOp('drop-peer')).toHaveLength(4);
    expect(byOp('split-and-peer')).toHaveLength(1);
    // from[1] (podSelector only) + from[2] (namespaceSelector only)
    expect(byOp('merge-or-peers')).toHaveLength(1);
    expect(byOp('change-port')).toHaveLength(2);
    // app=api, team=ops, tier In [web, edge] (2 values), app=web, env=prod
    expect(byOp('change-label-value')).toHaveLength(6);
  });

  it('changes exactly one thing per mutant', () => {
    const split = parse(byOp('split-and-peer')[0].text);
    expect(split.spec.ingress[0].from).toEqual([
      { namespaceSelector: { matchLabels: { team: 'ops' } } },
      { podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'edge'] }] } },
      { podSelector: { matchLabels: { app: 'web' } } },
      { namespaceSelector: { matchLabels: { env: 'prod' } } },
    ]);
    const merged = parse(byOp('merge-or-peers')[0].text);
    expect(merged.spec.ingress[0].from.slice(1)).toEqual([{ namespaceSelector: { matchLabels: { env: 'prod' } }, podSelector: { matchLabels: { app: 'web' } } }]);
    expect(parse(byOp('change-namespace')[0].text).metadata.namespace).toBe('other');
    expect(parse(byOp('drop-policy-types')[0].text).spec.policyTypes).toBeUndefined();
    const ports = byOp('change-port').map((m) => parse(m.text).spec.ingress[0].ports);
    // endPort follows the port up so the range stays valid
    expect(ports[0][0]).toEqual({ port: 8081, endPort: 8081 });
    expect(ports[1][1]).toEqual({ port: 'metrics' });
    expect(byOp('drop-rule').map((m) => parse(m.text).spec.egress?.length ?? 0)).toEqual([1, 0]);
  });

  it('keeps the original text untouched and other documents intact', () => {
    const two = `${policy}---\nkind: NetworkPolicy\nmetadata: { name: q }\nspec: { podSelector: {} }\n`;
    const ms = deriveMutants(two, opts);
    for (const m of ms) expect(Array.from(parseAllDocuments(m.text))).toHaveLength(2);
    const moved = ms.filter((m) => m.operator === 'change-namespace');
    expect(moved.map((m) => m.description)).toEqual(['shop/p: move to namespace `other`', 'shop/q: move to namespace `other`']);
    expect(parse(policy).metadata.namespace).toBe('shop');
  });

  it('ignores documents that are not NetworkPolicies', () => {
    expect(deriveMutants('kind: Namespace\nmetadata: { name: x }\n', opts)).toEqual([]);
  });
});
