import { modelWith, np, probe } from './test-helpers';
import type { DirectionVerdict } from './types';

const DENY_ALL_INGRESS_PROD = np('deny-ingress', 'prod', 'podSelector: {}\npolicyTypes: [Ingress]');

function kind(d: DirectionVerdict): string {
  return d.kind;
}

describe('evaluate: isolation', () => {
  it('without policies everything is allowed and nothing is isolated', () => {
    const m = modelWith('');
    const v = probe(m, 'prod/web', 'prod/db', 5432);
    expect(v.allowed).toBe(true);
    expect(kind(v.egress)).toBe('not-isolated');
    expect(kind(v.ingress)).toBe('not-isolated');
  });

  it('a policy selects pods in its own namespace only', () => {
    const m = modelWith(np('deny', 'dev', 'podSelector: {}\npolicyTypes: [Ingress]'));
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'prod/web', 'dev/web', 8080).allowed).toBe(false);
  });

  it('a pod is isolated only for the directions in policyTypes: egress rules under policyTypes [Ingress] are ignored', () => {
    const m = modelWith(np('p', 'prod', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress]\negress:\n- to: [{podSelector: {matchLabels: {app: db}}}]'));
    const v = probe(m, 'prod/web', 'dev/tool', 80);
    expect(kind(v.egress)).toBe('not-isolated');
    expect(v.allowed).toBe(true);
  });

  it('egress isolation is implied by spec.egress when policyTypes is absent', () => {
    const m = modelWith(np('p', 'prod', 'podSelector: {matchLabels: {app: web}}\negress:\n- to: [{podSelector: {matchLabels: {app: db}}}]'));
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    const v = probe(m, 'prod/web', 'prod/api', 9090);
    expect(v.allowed).toBe(false);
    expect(kind(v.egress)).toBe('denied');
    // Ingress is defaulted in too: `ingress` absent means deny all ingress to web.
    expect(probe(m, 'prod/api', 'prod/web', 8080).allowed).toBe(false);
  });

  it('`egress: []` without policyTypes does not isolate egress (defaulting checks len(egress) != 0)', () => {
    const m = modelWith(np('p', 'prod', 'podSelector: {matchLabels: {app: web}}\negress: []'));
    expect(kind(probe(m, 'prod/web', 'internet', 443).egress)).toBe('not-isolated');
  });

  it('policyTypes [Egress] with no egress rules denies all egress but leaves ingress open', () => {
    const m = modelWith(np('p', 'prod', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]'));
    expect(probe(m, 'prod/web', 'internet', 443).allowed).toBe(false);
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(false);
    expect(probe(m, 'prod/db', 'prod/web', 8080).allowed).toBe(true);
  });

  it('allowed iff the source egress AND the destination ingress allow', () => {
    const m = modelWith(
      np('web-out', 'prod', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress:\n- to: [{podSelector: {matchLabels: {app: db}}}]') +
        '---\n' +
        np('db-in', 'prod', 'podSelector: {matchLabels: {app: db}}\ningress:\n- from: [{podSelector: {matchLabels: {app: api}}}]'),
    );
    const v = probe(m, 'prod/web', 'prod/db', 5432);
    expect(kind(v.egress)).toBe('allowed');
    expect(kind(v.ingress)).toBe('denied');
    expect(v.allowed).toBe(false);
    expect(probe(m, 'prod/api', 'prod/db', 5432).allowed).toBe(true);
  });

  it('external endpoints are never isolated: only the pod side is checked', () => {
    const m = modelWith(DENY_ALL_INGRESS_PROD);
    const v = probe(m, 'prod/web', 'internet', 443);
    expect(kind(v.ingress)).toBe('not-applicable');
    expect(v.allowed).toBe(true);
    expect(kind(probe(m, 'internet', 'prod/web', 8080).egress)).toBe('not-applicable');
    expect(probe(m, 'internet', 'partner', 1).allowed).toBe(true);
  });
});

describe('evaluate: union of rules and policies', () => {
  it('two policies selecting the same pod are a union', () => {
    const m = modelWith(
      np('from-web', 'prod', 'podSelector: {matchLabels: {app: db}}\ningress:\n- from: [{podSelector: {matchLabels: {app: web}}}]') +
        '---\n' +
        np('from-api', 'prod', 'podSelector: {matchLabels: {app: db}}\ningress:\n- from: [{podSelector: {matchLabels: {app: api}}}]'),
    );
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'prod/api', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'dev/tool', 'prod/db', 5432).allowed).toBe(false);
  });

  it('a deny-all policy does not subtract from another policy allowing traffic', () => {
    const m = modelWith(DENY_ALL_INGRESS_PROD + '---\n' + np('allow-web', 'prod', 'podSelector: {matchLabels: {app: db}}\ningress:\n- from: [{podSelector: {matchLabels: {app: web}}}]'));
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/api', 9090).allowed).toBe(false);
  });

  it('lists every allowing rule across policies, not just the first', () => {
    const m = modelWith(
      np('a', 'prod', 'podSelector: {}\ningress:\n- from: [{podSelector: {}}]\n- ports: [{port: 5432}]') + '---\n' + np('b', 'prod', 'podSelector: {matchLabels: {app: db}}\ningress:\n- {}'),
    );
    const v = probe(m, 'prod/web', 'prod/db', 5432);
    expect(v.ingress).toEqual({
      kind: 'allowed',
      by: [
        expect.objectContaining({ policy: 'prod/a', path: 'spec.ingress[0]', line: 7 }),
        expect.objectContaining({ policy: 'prod/a', path: 'spec.ingress[1]', line: 8 }),
        expect.objectContaining({ policy: 'prod/b', path: 'spec.ingress[0]', line: 16 }),
      ],
      isolatedBy: [expect.objectContaining({ policy: 'prod/a' }), expect.objectContaining({ policy: 'prod/b' })],
    });
  });
});

describe('evaluate: peers', () => {
  const ingressFrom = (peers: string) => modelWith(np('p', 'prod', `podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n${peers}`));

  it('an empty or absent `from` matches every source, pods and external IPs', () => {
    for (const spec of ['ingress:\n- {}', 'ingress:\n- from: []']) {
      const m = modelWith(np('p', 'prod', `podSelector: {matchLabels: {app: db}}\n${spec}`));
      expect(probe(m, 'dev/tool', 'prod/db', 5432).allowed).toBe(true);
      expect(probe(m, 'internet', 'prod/db', 1).allowed).toBe(true);
    }
  });

  it('podSelector alone selects pods of the policy namespace only', () => {
    const m = ingressFrom('  - podSelector: {matchLabels: {app: web}}');
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    const v = probe(m, 'dev/web', 'prod/db', 5432);
    expect(v.allowed).toBe(false);
    expect(v.ingress.kind === 'denied' && v.ingress.rules[0].reason).toBe(
      'spec.ingress[0].from[0].podSelector only selects pods in namespace prod (no namespaceSelector), source dev/web is in namespace dev',
    );
  });

  it('an empty podSelector in a peer selects every pod of the policy namespace, and no external', () => {
    const m = ingressFrom('  - podSelector: {}');
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'dev/web', 'prod/db', 5432).allowed).toBe(false);
    expect(probe(m, 'internet', 'prod/db', 5432).allowed).toBe(false);
  });

  it('namespaceSelector alone selects all pods of matching namespaces', () => {
    const m = ingressFrom('  - namespaceSelector: {matchLabels: {env: dev}}');
    expect(probe(m, 'dev/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'dev/tool', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(false);
  });

  it('`namespaceSelector: {}` selects pods in all namespaces, but not external IPs', () => {
    const m = ingressFrom('  - namespaceSelector: {}');
    expect(probe(m, 'ops/mon', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'internet', 'prod/db', 5432).allowed).toBe(false);
  });

  it('podSelector and namespaceSelector in ONE peer are ANDed', () => {
    const m = ingressFrom('  - namespaceSelector: {matchLabels: {env: dev}}\n    podSelector: {matchLabels: {app: web}}');
    expect(probe(m, 'dev/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'dev/tool', 'prod/db', 5432).allowed).toBe(false);
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(false);
  });

  it('two peers are ORed', () => {
    const m = ingressFrom('  - namespaceSelector: {matchLabels: {env: dev}}\n  - podSelector: {matchLabels: {app: web}}');
    expect(probe(m, 'dev/tool', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'prod/api', 'prod/db', 5432).allowed).toBe(false);
  });

  it('every namespace carries kubernetes.io/metadata.name', () => {
    const m = ingressFrom('  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}');
    expect(probe(m, 'ops/mon', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'dev/tool', 'prod/db', 5432).allowed).toBe(false);
  });

  it('matchLabels AND matchExpressions must both hold', () => {
    const m = ingressFrom('  - podSelector:\n      matchLabels: {tier: back}\n      matchExpressions: [{key: app, operator: In, values: [api, cache]}]');
    expect(probe(m, 'prod/api', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(false);
  });

  it('NotIn and DoesNotExist match pods lacking the key', () => {
    const notIn = ingressFrom('  - namespaceSelector: {}\n    podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}');
    expect(probe(notIn, 'dev/tool', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(notIn, 'prod/api', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(notIn, 'prod/web', 'prod/db', 5432).allowed).toBe(false);
    const dne = ingressFrom('  - namespaceSelector: {}\n    podSelector: {matchExpressions: [{key: tier, operator: DoesNotExist}]}');
    expect(probe(dne, 'dev/tool', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(dne, 'prod/api', 'prod/db', 5432).allowed).toBe(false);
  });

  it('Exists and In require the key', () => {
    const m = ingressFrom('  - namespaceSelector: {}\n    podSelector: {matchExpressions: [{key: tier, operator: Exists}]}');
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'dev/tool', 'prod/db', 5432).allowed).toBe(false);
  });

  it('ipBlock matches external IPs in the CIDR and not in except', () => {
    const m = ingressFrom('  - ipBlock: {cidr: 192.168.0.0/16, except: [192.168.7.0/24]}\n  - ipBlock: {cidr: 8.8.8.8/32}');
    expect(probe(m, 'internet', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'partner', 'prod/db', 5432).allowed).toBe(false);
    expect(probe(m, 'ip:192.168.1.1', 'prod/db', 5432).allowed).toBe(true);
  });

  it('ipBlock matches pod IPs too (the upstream e2e CIDR tests rely on it)', () => {
    const m = ingressFrom('  - ipBlock: {cidr: 10.0.2.0/24, except: [10.0.2.2/32]}');
    expect(probe(m, 'dev/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'dev/tool', 'prod/db', 5432).allowed).toBe(false);
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(false);
  });

  it('a CIDR with host bits matches as its masked network', () => {
    const m = ingressFrom('  - ipBlock: {cidr: 10.0.2.9/24}');
    expect(probe(m, 'dev/web', 'prod/db', 5432).allowed).toBe(true);
  });

  it('IPv6 ipBlocks match IPv6 addresses only', () => {
    const m = ingressFrom('  - ipBlock: {cidr: "2001:db8::/32"}');
    expect(probe(m, 'v6host', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'internet', 'prod/db', 5432).allowed).toBe(false);
    const all4 = ingressFrom('  - ipBlock: {cidr: 0.0.0.0/0}');
    expect(probe(all4, 'v6host', 'prod/db', 5432).allowed).toBe(false);
    expect(probe(all4, 'internet', 'prod/db', 5432).allowed).toBe(true);
  });

  it('pod peers never match external endpoints', () => {
    const m = modelWith(np('p', 'prod', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress:\n- to: [{namespaceSelector: {}}]'));
    expect(probe(m, 'prod/web', 'dev/tool', 80).allowed).toBe(true);
    const v = probe(m, 'prod/web', 'internet', 443);
    expect(v.allowed).toBe(false);
    expect(v.egress.kind === 'denied' && v.egress.rules[0].reason).toBe('spec.egress[0].to[0] selects pods only, destination internet is not a pod (use an ipBlock)');
  });
});

describe('evaluate: ports', () => {
  const ingressPorts = (ports: string) => modelWith(np('p', 'prod', `podSelector: {}\ningress:\n- ports: ${ports}`));

  it('empty or absent ports match every port and protocol', () => {
    const m = modelWith(np('p', 'prod', 'podSelector: {}\ningress:\n- from: [{podSelector: {}}]\n  ports: []'));
    expect(probe(m, 'prod/web', 'prod/db', 1, 'UDP').allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/db', 65535, 'SCTP').allowed).toBe(true);
  });

  it('numeric ports match the port and protocol (protocol defaults to TCP)', () => {
    const m = ingressPorts('[{port: 5432}]');
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/db', 5432, 'UDP').allowed).toBe(false);
    expect(probe(m, 'prod/web', 'prod/db', 5433).allowed).toBe(false);
  });

  it('a port entry with only a protocol matches every port of that protocol', () => {
    const m = ingressPorts('[{protocol: UDP}]');
    expect(probe(m, 'prod/web', 'prod/db', 9999, 'UDP').allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/db', 9999, 'TCP').allowed).toBe(false);
  });

  it('endPort ranges are inclusive', () => {
    const m = ingressPorts('[{port: 5000, endPort: 5010}]');
    expect(probe(m, 'prod/web', 'prod/db', 5000).allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/db', 5010).allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/db', 4999).allowed).toBe(false);
    expect(probe(m, 'prod/web', 'prod/db', 5011).allowed).toBe(false);
  });

  it('named ports resolve on the destination pod for ingress', () => {
    const m = ingressPorts('[{port: http}]');
    expect(probe(m, 'prod/db', 'prod/web', 8080).allowed).toBe(true);
    expect(probe(m, 'prod/db', 'prod/api', 9090).allowed).toBe(true);
    expect(probe(m, 'prod/db', 'prod/api', 8080).allowed).toBe(false);
    // db declares no port named http: the rule matches nothing there.
    const v = probe(m, 'prod/web', 'prod/db', 5432);
    expect(v.allowed).toBe(false);
    expect(v.ingress.kind === 'denied' && v.ingress.rules[0].reason).toBe('port 5432/TCP is not in spec.ingress[0].ports (http/TCP); named port http is not declared by prod/db');
  });

  it('named ports resolve on the destination pod for egress too', () => {
    const m = modelWith(np('p', 'prod', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress:\n- ports: [{port: pg}]'));
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(true);
    // web itself has no `pg` port; what matters is the destination's.
    expect(probe(m, 'prod/web', 'prod/api', 5432).allowed).toBe(false);
    // An external destination has no named ports.
    expect(probe(m, 'prod/web', 'internet', 5432).allowed).toBe(false);
  });

  it('a named port must match the container port protocol too', () => {
    const m = ingressPorts('[{port: dns, protocol: UDP}]');
    expect(probe(m, 'prod/web', 'prod/api', 53, 'UDP').allowed).toBe(true);
    expect(probe(m, 'prod/web', 'prod/api', 53, 'TCP').allowed).toBe(false);
    const tcp = ingressPorts('[{port: dns}]');
    expect(probe(tcp, 'prod/web', 'prod/api', 53, 'UDP').allowed).toBe(false);
  });

  it('a probe may name the port; it resolves on the destination pod', () => {
    const m = ingressPorts('[{port: 9090}]');
    const v = probe(m, 'prod/web', 'prod/api', 'http');
    expect(v.allowed).toBe(true);
    expect(v.resolvedPort).toBe(9090);
    const bad = probe(m, 'prod/web', 'prod/db', 'http');
    expect(bad.allowed).toBe(false);
    expect(bad.error).toBe('named port `http` (TCP) is not declared by destination pod `prod/db`');
  });

  it('ports and peers of one rule are ANDed', () => {
    const m = modelWith(np('p', 'prod', 'podSelector: {matchLabels: {app: db}}\ningress:\n- from: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: 5432}]'));
    expect(probe(m, 'prod/api', 'prod/db', 5432).allowed).toBe(true);
    expect(probe(m, 'prod/api', 'prod/db', 22).allowed).toBe(false);
    expect(probe(m, 'prod/web', 'prod/db', 5432).allowed).toBe(false);
  });
});

describe('evaluate: self traffic and endpoints', () => {
  it('a pod can always reach itself, and the verdict says so', () => {
    const m = modelWith(np('deny', 'prod', 'podSelector: {}\npolicyTypes: [Ingress, Egress]'));
    const v = probe(m, 'prod/web', 'prod/web', 8080);
    expect(v.allowed).toBe(true);
    expect(v.self).toBe(true);
    // The policies are still reported (for the explanation), they just do not apply.
    expect(kind(v.ingress)).toBe('denied');
    expect(probe(m, 'prod/web', 'prod/api', 8080).self).toBe(false);
  });

  it('ip:<address> of a pod is that pod (so self and policies apply)', () => {
    const m = modelWith(DENY_ALL_INGRESS_PROD);
    const v = probe(m, 'dev/tool', 'ip:10.0.1.3', 5432);
    expect(v.destination).toEqual(expect.objectContaining({ kind: 'pod', id: 'prod/db' }));
    expect(v.allowed).toBe(false);
    expect(probe(m, 'ip:10.0.1.3', 'prod/db', 5432).self).toBe(true);
  });

  it('an unknown IP is an anonymous external endpoint', () => {
    const m = modelWith('');
    const v = probe(m, 'ip:1.2.3.4', 'prod/db', 5432);
    expect(v.source).toEqual({ kind: 'external', id: 'ip:1.2.3.4', ip: '1.2.3.4' });
    expect(v.allowed).toBe(true);
  });

  it('unknown endpoints are errors, never allowed', () => {
    const m = modelWith('');
    expect(probe(m, 'prod/nope', 'prod/db', 1)).toEqual(expect.objectContaining({ allowed: false, error: 'unknown endpoint `prod/nope`: no such pod' }));
    expect(probe(m, 'prod/db', 'nowhere', 1).error).toBe("unknown endpoint `nowhere`: use namespace/pod, ip:<address> or an external's name");
    expect(probe(m, 'ip:999.1.1.1', 'prod/db', 1).error).toBe('invalid IP address in endpoint `ip:999.1.1.1`');
    expect(probe(m, 'prod/web', 'prod/db', 0).error).toBe('port 0 must be between 1 and 65535, inclusive');
  });

  it('fills the protocol of the probe', () => {
    expect(probe(modelWith(''), 'prod/web', 'prod/db', 1).probe).toEqual({ from: 'prod/web', to: 'prod/db', port: 1, protocol: 'TCP' });
  });
});

describe('evaluate: reasons', () => {
  it('denied: lists every isolating policy and, for each rule, why it missed, with lines', () => {
    const m = modelWith(
      DENY_ALL_INGRESS_PROD +
        '---\n' +
        np(
          'db',
          'prod',
          'podSelector: {matchLabels: {app: db}}\ningress:\n- from:\n  - podSelector: {matchLabels: {app: api}}\n  - namespaceSelector: {matchLabels: {env: dev}}\n    podSelector: {matchLabels: {app: web}}\n- from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24]}}]\n- ports: [{port: 80}, {port: 443}]',
        ),
    );
    const v = probe(m, 'prod/web', 'prod/db', 5432);
    expect(v.ingress).toEqual({
      kind: 'denied',
      isolatedBy: [expect.objectContaining({ policy: 'prod/deny-ingress', line: 1 }), expect.objectContaining({ policy: 'prod/db', line: 8 })],
      rules: [
        expect.objectContaining({
          policy: 'prod/db',
          path: 'spec.ingress[0]',
          line: 14,
          failedPath: 'spec.ingress[0].from',
          failedLine: 14,
          reason:
            'spec.ingress[0].from[0].podSelector wants app=api, pod prod/web has app=web; spec.ingress[0].from[1].namespaceSelector wants env=dev, namespace prod has env=prod',
        }),
        expect.objectContaining({
          path: 'spec.ingress[1]',
          failedPath: 'spec.ingress[1].from[0]',
          reason: 'spec.ingress[1].from[0].ipBlock.except 10.0.1.0/24 excludes source prod/web (10.0.1.1)',
        }),
        expect.objectContaining({ path: 'spec.ingress[2]', failedPath: 'spec.ingress[2].ports', reason: 'port 5432/TCP is not in spec.ingress[2].ports (80/TCP, 443/TCP)' }),
      ],
    });
  });

  it('explains a missing label with the labels the pod has', () => {
    const m = modelWith(np('p', 'prod', 'podSelector: {matchLabels: {app: db}}\ningress:\n- from: [{namespaceSelector: {}, podSelector: {matchLabels: {role: client}}}]'));
    const v = probe(m, 'dev/tool', 'prod/db', 5432);
    expect(v.ingress.kind === 'denied' && v.ingress.rules[0].reason).toBe('spec.ingress[0].from[0].podSelector wants role=client, pod dev/tool has no label role (labels: app=tool)');
  });
});

describe('evaluate: misses read and serialize like plain data', () => {
  const m = modelWith(np('db', 'prod', 'podSelector: {matchLabels: {app: db}}\ningress:\n- ports: [{port: 80}]'));
  const miss = () => {
    const v = probe(m, 'prod/web', 'prod/db', 5432);
    if (v.ingress.kind !== 'denied') throw new Error(`expected a denied ingress, got ${v.ingress.kind}`);
    return v.ingress.rules[0];
  };
  const text = 'port 5432/TCP is not in spec.ingress[0].ports (80/TCP)';

  it('keeps the RuleMiss keys in order, with the reason, in Object.keys and JSON', () => {
    const r = miss();
    expect(Object.keys(r)).toEqual(['policy', 'direction', 'index', 'path', 'line', 'document', 'reason', 'failedPath', 'failedLine']);
    expect(JSON.parse(JSON.stringify(r))).toEqual({ policy: 'prod/db', direction: 'ingress', index: 0, path: 'spec.ingress[0]', line: 7, document: 0, reason: text, failedPath: 'spec.ingress[0].ports', failedLine: 7 });
    expect({ ...r }.reason).toBe(text);
    expect(structuredClone(r).reason).toBe(text);
  });

  it('returns the same reason on every read and accepts a replacement', () => {
    const r = miss();
    expect(r.reason).toBe(text);
    expect(r.reason).toBe(text);
    r.reason = 'rewritten by a consumer';
    expect(r.reason).toBe('rewritten by a consumer');
    expect(miss().reason).toBe(text);
  });

  it('lists no misses when another rule allows (the verdict cites every allowing rule)', () => {
    const m2 = modelWith(np('db', 'prod', 'podSelector: {matchLabels: {app: db}}\ningress:\n- ports: [{port: 80}]\n- ports: [{port: 5432}]\n- {}'));
    const v = probe(m2, 'prod/web', 'prod/db', 5432);
    expect(v.ingress).toEqual({ kind: 'allowed', by: [expect.objectContaining({ path: 'spec.ingress[1]' }), expect.objectContaining({ path: 'spec.ingress[2]' })], isolatedBy: [expect.objectContaining({ policy: 'prod/db' })] });
  });
});
