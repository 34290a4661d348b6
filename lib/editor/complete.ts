/**
 * NetworkPolicy-aware completion: field names valid at the cursor's path, enum values (policyTypes,
 * protocols, operators) and facts from the scenario's cluster (namespaces, label keys/values, ports, CIDRs).
 * Pure: returns plain options that the CodeMirror source maps 1:1 onto its `Completion` type.
 */
import { cursorContext, documentNamespace } from './yaml-context';
import { findSchemaNode, type FieldNode, type ValueSource } from './np-schema';

/** The part of the engine's cluster model the editor uses (structurally the engine's `Cluster`). */
export type EditorCluster = {
  namespaces: { name: string; labels: Record<string, string> }[];
  pods: {
    namespace: string;
    name: string;
    labels: Record<string, string>;
    ip: string;
    ports: { name?: string; containerPort: number; protocol: string }[];
  }[];
  externals: { name: string; ip: string }[];
};

/** One completion option (the same fields as CodeMirror's `Completion`). */
export type CompletionOption = {
  label: string;
  type: 'property' | 'enum' | 'constant' | 'variable' | 'namespace' | 'text';
  detail?: string;
  info?: string;
  /** Text to insert instead of the label. */
  apply?: string;
  boost?: number;
};

/** Options plus the offset where the replaced word starts. */
export type CompletionResult = { from: number; options: CompletionOption[] };

const METADATA_NAME = 'kubernetes.io/metadata.name';

/** Namespace labels as the API server shows them: every namespace also carries kubernetes.io/metadata.name. */
function namespaceLabels(ns: EditorCluster['namespaces'][number]): Record<string, string> {
  return { ...ns.labels, [METADATA_NAME]: ns.name };
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

/** Label keys → set of values, with which objects carry them (for the `detail` text). */
function labelIndex(objects: { name: string; labels: Record<string, string> }[]): Map<string, Map<string, string[]>> {
  const index = new Map<string, Map<string, string[]>>();
  for (const o of objects) {
    for (const [k, v] of Object.entries(o.labels)) {
      const values = index.get(k) ?? new Map<string, string[]>();
      values.set(v, [...(values.get(v) ?? []), o.name]);
      index.set(k, values);
    }
  }
  return index;
}

function podObjects(cluster: EditorCluster, namespace: string | null) {
  const pods = namespace && cluster.pods.some((p) => p.namespace === namespace) ? cluster.pods.filter((p) => p.namespace === namespace) : cluster.pods;
  return pods.map((p) => ({ name: `${p.namespace}/${p.name}`, labels: p.labels }));
}

function namespaceObjects(cluster: EditorCluster) {
  return cluster.namespaces.map((n) => ({ name: n.name, labels: namespaceLabels(n) }));
}

function summarize(names: string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3}`;
}

/** The label key a value belongs to: the map key (`app: |`) or the sibling `key:` of a matchExpressions item. */
function labelKeyForValue(text: string, offset: number, path: string[], flowKey?: string): string | null {
  if (flowKey) return flowKey;
  const parent = path[path.length - 2];
  if (parent === 'matchLabels') return path[path.length - 1];
  // matchExpressions[].values[]: look for `key:` in the same item, a few lines around the cursor.
  const lines = text.slice(0, offset).split('\n');
  const after = text.slice(offset).split('\n');
  const window = [...lines.slice(-6).reverse(), ...after.slice(1, 6)];
  for (const l of window) {
    const m = /^\s*(?:-\s+)?key:\s*["']?([^"'\s#]+)/.exec(l);
    if (m) return m[1];
  }
  return null;
}

function valueOptions(
  source: ValueSource,
  cluster: EditorCluster,
  ctx: { text: string; offset: number; path: string[]; flowKey?: string; defaultNamespace?: string },
): CompletionOption[] {
  // spec.podSelector can only select pods of the policy's own namespace: offer those labels first-hand.
  const ownNamespaceOnly = ctx.path[0] === 'spec' && ctx.path[1] === 'podSelector';
  const podNs = ownNamespaceOnly ? (documentNamespace(ctx.text, ctx.offset) ?? ctx.defaultNamespace ?? null) : null;
  switch (source) {
    case 'namespace':
      return cluster.namespaces.map((n) => ({ label: n.name, type: 'namespace', detail: 'namespace' }));
    case 'pod-label-key':
    case 'namespace-label-key': {
      const objects = source === 'pod-label-key' ? podObjects(cluster, podNs) : namespaceObjects(cluster);
      const index = labelIndex(objects);
      return uniqueSorted(index.keys()).map((k) => ({
        label: k,
        type: 'property',
        detail: summarize([...(index.get(k) as Map<string, string[]>).keys()]),
        info: `label on ${summarize([...(index.get(k) as Map<string, string[]>).values()].flat())}`,
      }));
    }
    case 'pod-label-value':
    case 'namespace-label-value': {
      const key = labelKeyForValue(ctx.text, ctx.offset, ctx.path, ctx.flowKey);
      const objects = source === 'pod-label-value' ? podObjects(cluster, podNs) : namespaceObjects(cluster);
      const index = labelIndex(objects);
      const values = key ? index.get(key) : undefined;
      if (!values) return [];
      return uniqueSorted(values.keys()).map((v) => ({
        label: v,
        type: 'constant',
        detail: summarize(values.get(v) as string[]),
        info: `${key}=${v} on ${summarize(values.get(v) as string[])}`,
      }));
    }
    case 'port': {
      const named = new Map<string, string[]>();
      const numbers = new Map<string, string[]>();
      for (const p of cluster.pods) {
        for (const port of p.ports) {
          const who = `${p.namespace}/${p.name}`;
          if (port.name) named.set(port.name, [...(named.get(port.name) ?? []), `${who} ${port.containerPort}/${port.protocol}`]);
          const n = String(port.containerPort);
          numbers.set(n, [...(numbers.get(n) ?? []), `${who} ${port.protocol}`]);
        }
      }
      return [
        ...[...numbers.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([n, who]) => ({ label: n, type: 'constant' as const, detail: summarize(who) })),
        ...uniqueSorted(named.keys()).map((n) => ({ label: n, type: 'variable' as const, detail: `named port: ${summarize(named.get(n) as string[])}` })),
      ];
    }
    case 'cidr':
      return [
        ...cluster.externals.map((e) => ({ label: `${e.ip}/32`, type: 'constant' as const, detail: e.name })),
        ...cluster.pods.map((p) => ({ label: `${p.ip}/32`, type: 'constant' as const, detail: `pod ${p.namespace}/${p.name}` })),
      ];
  }
}

/** Insert text for a key: scalars get `key: `, mappings a new indented line, sequences a new `- ` item. */
function keyApply(key: string, node: FieldNode, column: number): string {
  const pad = ' '.repeat(column);
  switch (node.kind) {
    case 'object':
    case 'map':
      return `${key}:\n${pad}  `;
    case 'array':
      return `${key}:\n${pad}- `;
    default:
      return `${key}: `;
  }
}

/** Completion at `offset` of `text`: null when nothing sensible applies. */
export function completeAt(
  text: string,
  offset: number,
  cluster: EditorCluster | null,
  opts: { defaultNamespace?: string } = {},
): CompletionResult | null {
  const ctx = cursorContext(text, offset);
  const defaultNamespace = opts.defaultNamespace;
  if (!ctx) return null;
  const empty: EditorCluster = { namespaces: [], pods: [], externals: [] };
  const c = cluster ?? empty;
  if (ctx.mode === 'key') {
    const node = findSchemaNode(ctx.path);
    if (!node) return null;
    // A scalar sequence item (`policyTypes:\n- In|`) is a value, not a key.
    if (ctx.path[ctx.path.length - 1] === '[]' && node.kind !== 'object') {
      return valueCompletion(node, c, { text, offset, path: ctx.path, defaultNamespace }, ctx.from);
    }
    if (node.kind === 'map') {
      if (!node.source) return null;
      const keys = valueOptions(node.source, c, { text, offset, path: ctx.path, defaultNamespace }).map((o) => ({ ...o, apply: `${o.label}: ` }));
      return { from: ctx.from, options: keys };
    }
    if (node.kind !== 'object' || !node.children) return null;
    const options = Object.entries(node.children)
      .filter(([k]) => !ctx.siblings.includes(k))
      .map(([k, child]) => ({ label: k, type: 'property' as const, detail: child.kind, info: child.doc, apply: keyApply(k, child, ctx.column) }));
    return { from: ctx.from, options };
  }
  const node = findSchemaNode(ctx.path);
  if (!node) return null;
  return valueCompletion(node, c, { text, offset, path: ctx.path, flowKey: ctx.flowKey, defaultNamespace }, ctx.from);
}

function valueCompletion(
  node: FieldNode,
  cluster: EditorCluster,
  ctx: { text: string; offset: number; path: string[]; flowKey?: string; defaultNamespace?: string },
  from: number,
): CompletionResult | null {
  // `policyTypes: |` / `ports: |` → offer the item values inline as a flow sequence start is rare; use items.
  const target = node.kind === 'array' && node.items && node.items.kind !== 'object' ? node.items : node;
  const options: CompletionOption[] = [];
  if (target.values) options.push(...target.values.map((v) => ({ label: v, type: 'enum' as const, info: target.doc })));
  if (target.source) options.push(...valueOptions(target.source, cluster, { ...ctx, path: target === node ? ctx.path : [...ctx.path, '[]'] }));
  if (!options.length) return null;
  if (target !== node) {
    // Completing `policyTypes: ` directly: write it as a flow sequence so the result is valid YAML.
    return { from, options: options.map((o) => ({ ...o, apply: `[${o.label}]` })) };
  }
  return { from, options };
}
