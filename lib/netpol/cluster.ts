/**
 * The cluster model: namespaces with labels, pods with IPs and container ports, external endpoints.
 * Read from the model format (YAML/JSON) or from Kubernetes manifests (Namespace, Pod, and the pod templates
 * of Deployment/StatefulSet/DaemonSet/ReplicaSet, one pod per replica with deterministic names and IPs).
 */
import { formatIp, parseIp } from './cidr';
import { decode, type Schema } from './decode';
import { createFieldErrors, isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, type FieldErrors } from './k8s-validation';
import { parseDocuments, positionOf } from './parse';
import type { Cluster, ContainerPort, Diagnostic, External, Namespace, ParseOptions, ParsedObject, Pod, Protocol } from './types';
import { validateLabels } from './validate';

/** The label the control plane sets on every namespace (immutable, equal to the name). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
/** Pods without an IP get one from this range, in order of appearance, skipping IPs already taken. */
export const POD_IP_BASE = '10.244.0.1';

const str: Schema = { kind: 'string' };
const PORT_SCHEMA: Schema = { kind: 'object', fields: { name: str, containerPort: { kind: 'int' }, protocol: str } };
/** core/v1 ContainerPort as real manifests carry it (hostPort/hostIP accepted and ignored). */
const MANIFEST_PORT_SCHEMA: Schema = { kind: 'object', fields: { name: str, containerPort: { kind: 'int' }, protocol: str, hostPort: { kind: 'any' }, hostIP: { kind: 'any' } } };
const MODEL_SCHEMA: Schema = {
  kind: 'object',
  fields: {
    namespaces: { kind: 'array', of: { kind: 'object', fields: { name: str, labels: { kind: 'stringMap' } } } },
    pods: {
      kind: 'array',
      of: { kind: 'object', fields: { namespace: str, name: str, labels: { kind: 'stringMap' }, ip: str, ports: { kind: 'array', of: PORT_SCHEMA } } },
    },
    externals: { kind: 'array', of: { kind: 'object', fields: { name: str, ip: str } } },
  },
};

type RawPort = { name?: string; containerPort?: number; protocol?: string };
type RawModel = {
  namespaces?: ({ name?: string; labels?: Record<string, string> } | undefined)[];
  pods?: ({ namespace?: string; name?: string; labels?: Record<string, string>; ip?: string; ports?: (RawPort | undefined)[] } | undefined)[];
  externals?: ({ name?: string; ip?: string } | undefined)[];
};

/** Options of parseCluster. */
export type ParseClusterOptions = ParseOptions & { defaultNamespace?: string };

type Draft = {
  namespaces: Map<string, Namespace>;
  /** Each pod with where its errors go: the field paths of its IP and name in its document. */
  pods: (Pod & { ipMissing?: boolean; errs: FieldErrors; ipPath: string; namePath: string })[];
  externals: { ext: External; errs: FieldErrors; path: string }[];
};

function ports(raw: (RawPort | undefined)[] | undefined, path: string, errs: FieldErrors): ContainerPort[] {
  const out: ContainerPort[] = [];
  const names = new Set<string>();
  (raw ?? []).forEach((p, i) => {
    if (!p) return;
    const pp = `${path}[${i}]`;
    if (p.containerPort === undefined) errs.add('Required', `${pp}.containerPort`, '', undefined, { at: pp });
    else for (const m of isValidPortNum(p.containerPort)) errs.add('Invalid', `${pp}.containerPort`, m, p.containerPort);
    const protocol = p.protocol ?? 'TCP';
    if (!['TCP', 'UDP', 'SCTP'].includes(protocol)) errs.add('NotSupported', `${pp}.protocol`, 'supported values: "TCP", "UDP", "SCTP"', protocol);
    if (p.name !== undefined) {
      for (const m of isValidPortName(p.name)) errs.add('Invalid', `${pp}.name`, m, p.name);
      if (names.has(p.name)) errs.add('Duplicate', `${pp}.name`, '', p.name);
      names.add(p.name);
    }
    const cp: ContainerPort = { containerPort: p.containerPort ?? 0, protocol: protocol as Protocol };
    if (p.name !== undefined) cp.name = p.name;
    out.push(cp);
  });
  return out;
}

function addNamespace(d: Draft, name: string, labels: Record<string, string> | undefined): void {
  const prev = d.namespaces.get(name);
  d.namespaces.set(name, { name, labels: { ...(prev?.labels ?? {}), ...(labels ?? {}) } });
}

function readModel(obj: ParsedObject, d: Draft, errs: FieldErrors, defaultNamespace: string): void {
  const raw = (decode(obj.value, MODEL_SCHEMA, '', errs) ?? {}) as RawModel;
  (raw.namespaces ?? []).forEach((ns, i) => {
    if (!ns) return;
    const p = `namespaces[${i}]`;
    if (!ns.name) { errs.add('Required', `${p}.name`, '', undefined, { at: p }); return; }
    for (const m of isDNS1123Label(ns.name)) errs.add('Invalid', `${p}.name`, m, ns.name);
    validateLabels(ns.labels, `${p}.labels`, errs);
    if (d.namespaces.has(ns.name)) errs.add('Duplicate', `${p}.name`, '', ns.name);
    addNamespace(d, ns.name, ns.labels);
  });
  (raw.pods ?? []).forEach((pod, i) => {
    if (!pod) return;
    const p = `pods[${i}]`;
    if (!pod.name) errs.add('Required', `${p}.name`, '', undefined, { at: p });
    else for (const m of isDNS1123Subdomain(pod.name)) errs.add('Invalid', `${p}.name`, m, pod.name);
    const namespace = pod.namespace || defaultNamespace;
    if (pod.namespace) for (const m of isDNS1123Label(pod.namespace)) errs.add('Invalid', `${p}.namespace`, m, pod.namespace);
    validateLabels(pod.labels, `${p}.labels`, errs);
    d.pods.push({
      namespace,
      name: pod.name ?? '',
      labels: { ...(pod.labels ?? {}) },
      ip: pod.ip ?? '',
      ipMissing: pod.ip === undefined,
      ports: ports(pod.ports, `${p}.ports`, errs),
      errs,
      ipPath: `${p}.ip`,
      namePath: `${p}.name`,
    });
  });
  (raw.externals ?? []).forEach((ext, i) => {
    if (!ext) return;
    const p = `externals[${i}]`;
    if (!ext.name) errs.add('Required', `${p}.name`, '', undefined, { at: p });
    else if (ext.name.includes('/') || ext.name.startsWith('ip:')) {
      errs.add('Invalid', `${p}.name`, "must not contain '/' or start with 'ip:' (those name pods and addresses in probes)", ext.name);
    }
    if (!ext.ip) errs.add('Required', `${p}.ip`, '', undefined, { at: p });
    d.externals.push({ ext: { name: ext.name ?? '', ip: ext.ip ?? '' }, errs, path: p });
  });
}

type K8sMeta = { name?: string; namespace?: string; labels?: Record<string, string> };
type K8sContainer = { ports?: (RawPort | undefined)[] };
type K8sPodSpec = { containers?: (K8sContainer | undefined)[]; hostNetwork?: boolean };

function pick(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
}

/** Reads metadata leniently (only the fields we need; other fields of real manifests are fine). */
function readMeta(v: unknown, path: string, errs: FieldErrors): K8sMeta {
  const m = pick(v, 'metadata');
  const out: K8sMeta = {};
  if (m === undefined || m === null) return out;
  const name = decode(pick(m, 'name'), str, `${path}.name`, errs);
  const ns = decode(pick(m, 'namespace'), str, `${path}.namespace`, errs);
  const labels = decode(pick(m, 'labels'), { kind: 'stringMap' }, `${path}.labels`, errs);
  if (typeof name === 'string') out.name = name;
  if (typeof ns === 'string') out.namespace = ns;
  if (labels) out.labels = labels as Record<string, string>;
  return out;
}

function readPodSpec(spec: unknown, path: string, errs: FieldErrors): ContainerPort[] {
  const containers = pick(spec, 'containers');
  if (containers === undefined || containers === null) return [];
  if (!Array.isArray(containers)) { errs.add('Invalid', `${path}.containers`, 'must be a list', undefined, { rawValue: typeof containers }); return []; }
  const out: ContainerPort[] = [];
  containers.forEach((c, i) => {
    const raw = decode(pick(c, 'ports'), { kind: 'array', of: MANIFEST_PORT_SCHEMA }, `${path}.containers[${i}].ports`, errs) as (RawPort | undefined)[] | undefined;
    out.push(...ports(raw, `${path}.containers[${i}].ports`, errs));
  });
  return out;
}

function warnHostNetwork(podSpec: unknown, path: string, errs: FieldErrors): void {
  if (pick(podSpec, 'hostNetwork') !== true) return;
  errs.add('Invalid', `${path}.hostNetwork`, '', undefined, {
    severity: 'warning',
    message: `${path}.hostNetwork: a hostNetwork pod uses its node's IP and most network plugins do not apply NetworkPolicy to it; it is modelled as an ordinary pod`,
  });
}

function readManifest(obj: ParsedObject, d: Draft, errs: FieldErrors, defaultNamespace: string): void {
  const v = obj.value as Record<string, unknown>;
  const kind = v.kind;
  const meta = readMeta(v, 'metadata', errs);
  if (kind === 'Pod') warnHostNetwork(pick(v, 'spec'), 'spec', errs);
  else warnHostNetwork(pick(pick(pick(v, 'spec'), 'template'), 'spec'), 'spec.template.spec', errs);
  switch (kind) {
    case 'Namespace': {
      if (!meta.name) { errs.add('Required', 'metadata.name', 'name or generateName is required', undefined, { at: 'metadata' }); return; }
      for (const m of isDNS1123Label(meta.name)) errs.add('Invalid', 'metadata.name', m, meta.name);
      validateLabels(meta.labels, 'metadata.labels', errs);
      addNamespace(d, meta.name, meta.labels);
      return;
    }
    case 'Pod': {
      if (!meta.name) errs.add('Required', 'metadata.name', 'name or generateName is required', undefined, { at: 'metadata' });
      else for (const m of isDNS1123Subdomain(meta.name)) errs.add('Invalid', 'metadata.name', m, meta.name);
      validateLabels(meta.labels, 'metadata.labels', errs);
      const podIP = pick(pick(v, 'status'), 'podIP');
      d.pods.push({
        namespace: meta.namespace || defaultNamespace,
        name: meta.name ?? '',
        labels: { ...(meta.labels ?? {}) },
        ip: typeof podIP === 'string' ? podIP : '',
        ipMissing: typeof podIP !== 'string',
        ports: readPodSpec(pick(v, 'spec'), 'spec', errs),
          errs,
        ipPath: 'status.podIP',
        namePath: 'metadata.name',
      });
      return;
    }
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'DaemonSet': {
      if (!meta.name) { errs.add('Required', 'metadata.name', 'name or generateName is required', undefined, { at: 'metadata' }); return; }
      const spec = pick(v, 'spec');
      const template = pick(spec, 'template');
      const tmeta = readMeta(template, 'spec.template.metadata', errs);
      validateLabels(tmeta.labels, 'spec.template.metadata.labels', errs);
      let replicas = 1;
      if (kind !== 'DaemonSet') {
        const r = decode(pick(spec, 'replicas'), { kind: 'int' }, 'spec.replicas', errs);
        if (typeof r === 'number') {
          if (r < 0) errs.add('Invalid', 'spec.replicas', 'must be greater than or equal to 0', r);
          // A modelling cap: the engine handles thousands of pods, not an accidental 1e9.
          else if (r > 1000) errs.add('Invalid', 'spec.replicas', 'must be at most 1000 in a modelled cluster', r);
          else replicas = r;
        }
      }
      const podPorts = readPodSpec(pick(template, 'spec'), 'spec.template.spec', errs);
      for (let i = 0; i < replicas; i++) {
        d.pods.push({
          namespace: meta.namespace || defaultNamespace,
          // Deterministic names (the real controller adds random suffixes): StatefulSet-style ordinals for every kind.
          name: `${meta.name}-${i}`,
          labels: { ...(tmeta.labels ?? {}) },
          ip: '',
          ipMissing: true,
          ports: podPorts.map((p) => ({ ...p })),
              errs,
          ipPath: 'metadata.name',
          namePath: 'metadata.name',
        });
      }
      return;
    }
    default:
      errs.add('NotSupported', 'kind', '', undefined, {
        severity: 'warning',
        message: `kind ${JSON.stringify(String(kind))} is ignored in a cluster: only Namespace, Pod, Deployment, StatefulSet, DaemonSet and ReplicaSet describe pods`,
      });
  }
}

function isModelDocument(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return o.kind === undefined && (o.namespaces !== undefined || o.pods !== undefined || o.externals !== undefined);
}

function nextIp(used: Set<string>, counter: { n: bigint }): string {
  const base = parseIp(POD_IP_BASE)!;
  for (;;) {
    const ip = formatIp({ family: 4, value: base.value + counter.n });
    counter.n++;
    if (!used.has(ip)) { used.add(ip); return ip; }
  }
}

/**
 * Reads a cluster from the model format (YAML/JSON text or object: `{namespaces, pods, externals?}`) or
 * from Kubernetes manifests (text with `---` documents or a List; or an object / array of objects).
 * Returns cluster null when there is any error. The result is normalized (see normalizeCluster).
 */
export function parseCluster(input: string | object, opts: ParseClusterOptions = {}): { cluster: Cluster | null; diagnostics: Diagnostic[] } {
  const defaultNamespace = opts.defaultNamespace ?? 'default';
  const diagnostics: Diagnostic[] = [];
  let objects: ParsedObject[];
  if (typeof input === 'string') {
    const parsed = parseDocuments(input, opts);
    diagnostics.push(...parsed.diagnostics);
    objects = parsed.objects;
    if (diagnostics.some((d) => d.severity === 'error')) return { cluster: null, diagnostics };
  } else {
    const list = Array.isArray(input) ? input : [input];
    objects = list.map((value, i) => ({ document: i, value, positions: {}, prefix: '' }));
  }
  const d: Draft = { namespaces: new Map(), pods: [], externals: [] };
  const allErrs: FieldErrors[] = [];
  for (const obj of objects) {
    const locate = (path: string) => positionOf(obj.positions, path) ?? (obj.line ? { line: obj.line, column: obj.column ?? 1 } : undefined);
    const errs = createFieldErrors(locate, obj.document);
    allErrs.push(errs);
    const v = obj.value;
    if (isModelDocument(v)) readModel(obj, d, errs, defaultNamespace);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>).kind === 'string') readManifest(obj, d, errs, defaultNamespace);
    else errs.add('Invalid', '', '', undefined, { message: 'expected a cluster: {namespaces, pods, externals} or Kubernetes manifests (Namespace, Pod, Deployment, ...)' });
  }

  // Cross-object checks: unique pod names, valid and unique IPs, unique external names.
  const seenPods = new Set<string>();
  const usedIps = new Map<string, string>();
  const counter = { n: 0n };
  for (const p of d.pods) {
    if (p.ipMissing) continue;
    const ip = parseIp(p.ip);
    if (!ip) { p.errs.add('Invalid', p.ipPath, 'must be a valid IP address', p.ip); continue; }
    const canon = formatIp(ip);
    const owner = usedIps.get(canon);
    if (owner) p.errs.add('Duplicate', p.ipPath, `already used by ${owner}`, p.ip);
    usedIps.set(canon, `${p.namespace}/${p.name}`);
    p.ip = canon;
  }
  const extNames = new Set<string>();
  for (const { ext, errs, path } of d.externals) {
    if (ext.name && extNames.has(ext.name)) errs.add('Duplicate', `${path}.name`, '', ext.name);
    extNames.add(ext.name);
    if (!ext.ip) continue;
    const ip = parseIp(ext.ip);
    if (!ip) { errs.add('Invalid', `${path}.ip`, 'must be a valid IP address', ext.ip); continue; }
    const canon = formatIp(ip);
    const owner = usedIps.get(canon);
    if (owner) errs.add('Duplicate', `${path}.ip`, `already used by ${owner}`, ext.ip);
    usedIps.set(canon, ext.name);
    ext.ip = canon;
  }
  for (const p of d.pods) {
    const key = `${p.namespace}/${p.name}`;
    if (p.name && seenPods.has(key)) p.errs.add('Duplicate', p.namePath, `pod ${key} is defined more than once`, p.name);
    seenPods.add(key);
    if (p.ipMissing) {
      p.ip = nextIp(new Set(usedIps.keys()), counter);
      usedIps.set(p.ip, key);
    }
    if (!d.namespaces.has(p.namespace)) addNamespace(d, p.namespace, {});
  }
  for (const e of allErrs) diagnostics.push(...e.list);
  if (diagnostics.some((x) => x.severity === 'error')) return { cluster: null, diagnostics };
  const cluster: Cluster = {
    namespaces: [...d.namespaces.values()],
    pods: d.pods.map(({ namespace, name, labels, ip, ports: ps }) => ({ namespace, name, labels, ip, ports: ps })),
    externals: d.externals.map((e) => e.ext),
  };
  return { cluster: normalizeCluster(cluster), diagnostics };
}

/**
 * Fills defaults of a cluster (idempotent): every namespace carries `kubernetes.io/metadata.name: <name>`
 * (the control plane sets it on every namespace), namespaces referenced by pods exist, container port
 * protocol defaults to TCP, externals default to [], pods without an IP get one (from 10.244.0.1 up).
 */
export function normalizeCluster(cluster: Cluster): Cluster {
  const namespaces = new Map<string, Namespace>();
  for (const ns of cluster.namespaces ?? []) {
    namespaces.set(ns.name, { name: ns.name, labels: { ...(namespaces.get(ns.name)?.labels ?? {}), ...(ns.labels ?? {}), [NAMESPACE_NAME_LABEL]: ns.name } });
  }
  const pods: Pod[] = (cluster.pods ?? []).map((p) => {
    if (!namespaces.has(p.namespace)) namespaces.set(p.namespace, { name: p.namespace, labels: { [NAMESPACE_NAME_LABEL]: p.namespace } });
    return {
      namespace: p.namespace,
      name: p.name,
      labels: { ...(p.labels ?? {}) },
      ip: p.ip,
      ports: (p.ports ?? []).map((c) => ({ ...c, protocol: c.protocol ?? 'TCP' })),
    };
  });
  const externals = (cluster.externals ?? []).map((e) => ({ ...e }));
  // Hand-built clusters may leave IPs out: assign them as parseCluster does, skipping every IP in use.
  if (pods.some((p) => !p.ip)) {
    const used = new Set<string>();
    for (const x of [...pods, ...externals]) {
      const ip = x.ip ? parseIp(x.ip) : null;
      if (ip) used.add(formatIp(ip));
    }
    const counter = { n: 0n };
    for (const p of pods) if (!p.ip) p.ip = nextIp(used, counter);
  }
  return { namespaces: [...namespaces.values()], pods, externals };
}
