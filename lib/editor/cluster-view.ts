/** The scenario's cluster as a learner would inspect it with kubectl, plus flow formatting for results. */
import type { EditorCluster } from './complete';

/** `app=web,env=prod`: kubectl prints labels sorted by key, `<none>` when there are none. */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>';
}

/** One row of `kubectl get ns --show-labels`. */
export type NamespaceRow = { name: string; status: 'Active'; labels: string };

/** Rows of `kubectl get ns --show-labels` (with the automatic kubernetes.io/metadata.name label). */
export function namespaceRows(cluster: EditorCluster): NamespaceRow[] {
  return [...cluster.namespaces]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((n) => ({ name: n.name, status: 'Active', labels: formatLabels({ ...n.labels, 'kubernetes.io/metadata.name': n.name }) }));
}

/** One row of `kubectl get pods -A -o wide --show-labels`, plus the declared container ports. */
export type PodRow = { namespace: string; name: string; ready: string; status: string; ip: string; ports: string; labels: string };

/** `80/TCP (http), 9090/TCP (metrics)`, or `<none>`. */
export function formatPorts(ports: EditorCluster['pods'][number]['ports']): string {
  return ports.length ? ports.map((p) => `${p.containerPort}/${p.protocol}${p.name ? ` (${p.name})` : ''}`).join(', ') : '<none>';
}

/** Rows of `kubectl get pods -A -o wide --show-labels`, sorted like kubectl (namespace, then name). */
export function podRows(cluster: EditorCluster): PodRow[] {
  return [...cluster.pods]
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .map((p) => ({
      namespace: p.namespace,
      name: p.name,
      ready: '1/1',
      status: 'Running',
      ip: p.ip,
      ports: formatPorts(p.ports),
      labels: formatLabels(p.labels),
    }));
}

/** A flow as the result panel prints it: `prod/web → prod/db :5432/TCP`. */
export function formatFlow(f: { from: string; to: string; port: number | string; protocol?: string }): string {
  return `${f.from} → ${f.to} :${f.port}/${f.protocol ?? 'TCP'}`;
}

/** The same flow for screen readers, without the arrow glyph. */
export function describeFlow(f: { from: string; to: string; port: number | string; protocol?: string }): string {
  return `from ${f.from} to ${f.to} on port ${f.port} ${f.protocol ?? 'TCP'}`;
}
