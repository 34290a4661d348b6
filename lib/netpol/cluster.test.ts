import { normalizeCluster, parseCluster } from './cluster';

describe('parseCluster: model format', () => {
  it('reads YAML, fills kubernetes.io/metadata.name and TCP, creates namespaces referenced by pods', () => {
    const r = parseCluster(`
namespaces: [{name: prod, labels: {env: prod}}]
pods:
- {namespace: prod, name: web, labels: {app: web}, ip: 10.0.0.1, ports: [{name: http, containerPort: 80}]}
- {namespace: other, name: x, ip: 10.0.0.2}
externals: [{name: dns, ip: 1.1.1.1}]
`);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster).toEqual({
      namespaces: [
        { name: 'prod', labels: { env: 'prod', 'kubernetes.io/metadata.name': 'prod' } },
        { name: 'other', labels: { 'kubernetes.io/metadata.name': 'other' } },
      ],
      pods: [
        { namespace: 'prod', name: 'web', labels: { app: 'web' }, ip: '10.0.0.1', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] },
        { namespace: 'other', name: 'x', labels: {}, ip: '10.0.0.2', ports: [] },
      ],
      externals: [{ name: 'dns', ip: '1.1.1.1' }],
    });
  });

  it('accepts JSON text and plain objects', () => {
    const json = JSON.stringify({ namespaces: [{ name: 'a', labels: {} }], pods: [{ namespace: 'a', name: 'p', labels: {}, ip: '10.0.0.1', ports: [] }] });
    expect(parseCluster(json).cluster?.pods).toHaveLength(1);
    expect(parseCluster(JSON.parse(json)).cluster?.pods).toHaveLength(1);
  });

  it('the metadata.name label always equals the namespace name', () => {
    const c = parseCluster({ namespaces: [{ name: 'a', labels: { 'kubernetes.io/metadata.name': 'b' } }], pods: [] }).cluster!;
    expect(c.namespaces[0].labels['kubernetes.io/metadata.name']).toBe('a');
  });

  it('canonicalizes IPv6 addresses', () => {
    const c = parseCluster({ pods: [{ namespace: 'a', name: 'p', ip: '2001:DB8:0:0::1' }] }).cluster!;
    expect(c.pods[0].ip).toBe('2001:db8::1');
  });

  it.each([
    ['unknown field', { pods: [{ namespace: 'a', name: 'p', ip: '10.0.0.1', lables: {} }] }, 'unknown field "pods[0].lables"'],
    ['pod without name', { pods: [{ namespace: 'a', ip: '10.0.0.1' }] }, 'pods[0].name: Required value'],
    ['bad namespace name', { namespaces: [{ name: 'Prod' }] }, 'namespaces[0].name: Invalid value: "Prod": a lowercase RFC 1123 label'],
    ['bad IP', { pods: [{ namespace: 'a', name: 'p', ip: '10.0.0.300' }] }, 'pods[0].ip: Invalid value: "10.0.0.300": must be a valid IP address'],
    ['duplicate IP', { pods: [{ namespace: 'a', name: 'p', ip: '10.0.0.1' }, { namespace: 'a', name: 'q', ip: '10.0.0.1' }] }, 'pods[1].ip: Duplicate value: "10.0.0.1": already used by a/p'],
    ['duplicate pod', { pods: [{ namespace: 'a', name: 'p', ip: '10.0.0.1' }, { namespace: 'a', name: 'p', ip: '10.0.0.2' }] }, 'pods[1].name: Duplicate value: "p": pod a/p is defined more than once'],
    ['bad port', { pods: [{ namespace: 'a', name: 'p', ip: '10.0.0.1', ports: [{ containerPort: 0 }] }] }, 'pods[0].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive'],
    ['bad protocol', { pods: [{ namespace: 'a', name: 'p', ip: '10.0.0.1', ports: [{ containerPort: 1, protocol: 'ICMP' }] }] }, 'pods[0].ports[0].protocol: Unsupported value: "ICMP"'],
    ['bad port name', { pods: [{ namespace: 'a', name: 'p', ip: '10.0.0.1', ports: [{ containerPort: 1, name: 'my--port' }] }] }, 'pods[0].ports[0].name: Invalid value: "my--port": must not contain consecutive hyphens'],
    ['duplicate port name', { pods: [{ namespace: 'a', name: 'p', ip: '10.0.0.1', ports: [{ containerPort: 1, name: 'x' }, { containerPort: 2, name: 'x' }] }] }, 'pods[0].ports[1].name: Duplicate value: "x"'],
    ['bad label', { pods: [{ namespace: 'a', name: 'p', ip: '10.0.0.1', labels: { app: 'a b' } }] }, 'pods[0].labels: Invalid value: "a b"'],
    ['external name with a slash', { externals: [{ name: 'a/b', ip: '1.1.1.1' }] }, 'externals[0].name: Invalid value: "a/b"'],
    ['external IP used by a pod', { pods: [{ namespace: 'a', name: 'p', ip: '1.1.1.1' }], externals: [{ name: 'e', ip: '1.1.1.1' }] }, 'externals[0].ip: Duplicate value: "1.1.1.1": already used by a/p'],
  ])('%s is an error', (_name, input, message) => {
    const r = parseCluster(input);
    expect(r.cluster).toBeNull();
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining(message)]);
  });

  it('points errors at lines in YAML input', () => {
    const r = parseCluster('pods:\n- namespace: a\n  name: p\n  ip: nope\n');
    expect(r.diagnostics).toEqual([expect.objectContaining({ path: 'pods[0].ip', line: 4, column: 3 })]);
  });
});

describe('parseCluster: Kubernetes manifests', () => {
  const manifests = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {team: a}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80, name: http, hostPort: 8080, hostIP: 0.0.0.0}]
      - name: sidecar
        image: envoy
        ports: [{containerPort: 9901, name: admin}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: db
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg, image: postgres, ports: [{containerPort: 5432}]}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: a}]}
---
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop, labels: {run: debug}}
spec: {containers: [{name: c, image: busybox}]}
status: {podIP: 10.244.0.2}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;

  it('turns pod templates into one pod per replica with deterministic names and IPs', () => {
    const r = parseCluster(manifests);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('kind "Service" is ignored') })]);
    const c = r.cluster!;
    expect(c.pods.map((p) => [`${p.namespace}/${p.name}`, p.ip, p.labels])).toEqual([
      ['shop/web-0', '10.244.0.1', { app: 'web' }],
      ['shop/web-1', '10.244.0.3', { app: 'web' }],
      ['shop/db-0', '10.244.0.4', { app: 'db' }],
      ['default/agent-0', '10.244.0.5', { app: 'agent' }],
      ['shop/debug', '10.244.0.2', { run: 'debug' }],
    ]);
    expect(c.pods[0].ports).toEqual([
      { name: 'http', containerPort: 80, protocol: 'TCP' },
      { name: 'admin', containerPort: 9901, protocol: 'TCP' },
    ]);
    expect(c.namespaces.map((n) => n.name)).toEqual(['shop', 'default']);
    // Same input, same cluster.
    expect(parseCluster(manifests).cluster).toEqual(c);
  });

  it('accepts a List of manifests and the default namespace option', () => {
    const r = parseCluster({ kind: 'List', items: [] });
    expect(r.cluster).not.toBeNull();
    const p = parseCluster('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n', { defaultNamespace: 'dev' });
    expect(p.cluster?.pods[0].namespace).toBe('dev');
  });

  it('warns about hostNetwork pods', () => {
    const r = parseCluster('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {hostNetwork: true, containers: []}\n');
    expect(r.cluster?.pods).toHaveLength(1);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', path: 'spec.hostNetwork', line: 4 })]);
  });

  it('validates manifests too', () => {
    const r = parseCluster('apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Pod}\n');
    expect(r.cluster).toBeNull();
    expect(r.diagnostics[0]).toEqual(expect.objectContaining({ path: 'metadata.name', line: 3 }));
  });
});

describe('normalizeCluster', () => {
  it('assigns IPs to hand-built pods without one, skipping IPs in use', () => {
    const c = normalizeCluster({
      namespaces: [],
      pods: [
        { namespace: 'a', name: 'p', labels: {}, ip: '', ports: [] },
        { namespace: 'a', name: 'q', labels: {}, ip: '10.244.0.1', ports: [] },
        { namespace: 'a', name: 'r', labels: {}, ip: '', ports: [] },
      ],
      externals: [{ name: 'e', ip: '10.244.0.2' }],
    });
    expect(c.pods.map((p) => p.ip)).toEqual(['10.244.0.3', '10.244.0.1', '10.244.0.4']);
  });

  it('is idempotent', () => {
    const c = { namespaces: [{ name: 'a', labels: {} }], pods: [{ namespace: 'b', name: 'p', labels: {}, ip: '10.0.0.1', ports: [] }], externals: [] };
    const once = normalizeCluster(c);
    expect(normalizeCluster(once)).toEqual(once);
    expect(once.namespaces.map((n) => n.name)).toEqual(['a', 'b']);
  });
});
