/** Test helpers for the engine's unit tests (not exported from index.ts). */
import { parseCluster } from './cluster';
import { compile } from './compile';
import { evaluate } from './evaluate';
import { parsePolicies } from './policies';
import type { Cluster, CompiledModel, Protocol, Verdict } from './types';

/** A small cluster: prod (env=prod) and dev (env=dev) with web/api/db pods, plus externals. */
export const CLUSTER_YAML = `
namespaces:
- {name: prod, labels: {env: prod, team: shop}}
- {name: dev, labels: {env: dev}}
- {name: ops}
pods:
- {namespace: prod, name: web, labels: {app: web, tier: front}, ip: 10.0.1.1, ports: [{name: http, containerPort: 8080}]}
- {namespace: prod, name: api, labels: {app: api, tier: back}, ip: 10.0.1.2, ports: [{name: http, containerPort: 9090}, {name: dns, containerPort: 53, protocol: UDP}]}
- {namespace: prod, name: db, labels: {app: db, tier: back}, ip: 10.0.1.3, ports: [{name: pg, containerPort: 5432}]}
- {namespace: dev, name: web, labels: {app: web}, ip: 10.0.2.1, ports: [{name: http, containerPort: 8080}]}
- {namespace: dev, name: tool, labels: {app: tool}, ip: 10.0.2.2}
- {namespace: ops, name: mon, labels: {app: mon}, ip: 10.0.3.1}
externals:
- {name: internet, ip: 8.8.8.8}
- {name: partner, ip: 192.168.7.7}
- {name: v6host, ip: "2001:db8::7"}
`;

/** The test cluster, parsed. */
export function testCluster(yaml = CLUSTER_YAML): Cluster {
  const r = parseCluster(yaml);
  if (!r.cluster) throw new Error(`bad test cluster: ${JSON.stringify(r.diagnostics)}`);
  return r.cluster;
}

/** Compiles policies given as YAML against the test cluster; throws on any policy error. */
export function modelWith(policiesYaml: string, cluster: Cluster = testCluster()): CompiledModel {
  const r = parsePolicies(policiesYaml);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`bad test policies: ${errors.map((e) => e.message).join('; ')}`);
  return compile(cluster, r.policies);
}

/** Evaluates one probe. */
export function probe(model: CompiledModel, from: string, to: string, port: number | string, protocol?: Protocol): Verdict {
  return evaluate(model, { from, to, port, protocol });
}

/** A NetworkPolicy document header. */
export function np(name: string, namespace: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;
}
