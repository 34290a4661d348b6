/**
 * Loading and expanding the upstream e2e truth tables in `tests/conformance/upstream/*.yaml`.
 * The YAML files are data transcribed from kubernetes/kubernetes test/e2e/network/netpol/network_policy.go;
 * this module replays the upstream `Reachability` helpers (reachability.go) over them so the
 * stored grids can be checked against the transcribed calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/** The two upstream revisions: every It on the 9-pod 3x3 model, and the later per-test topologies. */
export type Revision = 'full-3x3' | 'per-test';
/** Both revisions, in report order. */
export const REVISIONS: Revision[] = ['full-3x3', 'per-test'];
/** Upstream protocols. */
export type UpstreamProtocol = 'TCP' | 'UDP' | 'SCTP';
/** reachability.go Peer: empty fields match everything. */
export type Peer = { namespace?: string; pod?: string };
/** Options on a transcribed call: `only` limits it to one revision. */
export type CallOptions = { only?: Revision };
/** One transcribed Reachability call. */
export type Call =
  | ['Expect', string, string, boolean, CallOptions?]
  | ['ExpectAllIngress', string, boolean, CallOptions?]
  | ['ExpectAllEgress', string, boolean, CallOptions?]
  | ['ExpectPeer', Peer, Peer, boolean, CallOptions?];
/** One ValidateOrFail of upstream: a port/protocol, its expectations and the expanded grids. */
export type Check = { port: number; protocol: UpstreamProtocol; expect: Call[]; grid?: Partial<Record<Revision, string>> };
/** Label overrides in force during a step (AddPodLabels / AddNamespaceLabel results, full label sets). */
export type StepLabels = { pods?: Record<string, Record<string, string>>; namespaces?: Record<string, Record<string, string>> };
/** Policy text: one for both revisions, or one per revision. */
export type PolicyText = string | Partial<Record<Revision, string>>;
/** The cluster state between two upstream mutations; `policiesIPv6` replaces `policies` on IPv6 clusters. */
export type Step = { by: string; policies: PolicyText; policiesIPv6?: PolicyText; labels?: StepLabels; checks: Check[] };
/** IP family of the modelled cluster. */
export type Family = 4 | 6;
/** A way of running the suite: an upstream revision on an IPv4 or IPv6 cluster. */
export type Variant = { revision: Revision; family: Family; name: string };
/** Every revision on IPv4, then on IPv6. */
export const VARIANTS: Variant[] = ([4, 6] as Family[]).flatMap((family) =>
  REVISIONS.map((revision) => ({ revision, family, name: family === 4 ? revision : `${revision} IPv6` })),
);
/** One upstream It. */
export type UpstreamCase = {
  file: string;
  it: string;
  suite: 'tcp' | 'udp' | 'sctp';
  topology: Record<Revision, string[]>;
  ports: number[];
  protocols: UpstreamProtocol[];
  steps: Step[];
};
/** The shared upstream model data (cluster.yaml). */
export type UpstreamModel = { namespaces: Record<string, Record<string, string>>; podIPs: Record<string, string>; podIPv6s: Record<string, string> };

/** Directory of the data files. */
export const UPSTREAM_DIR = path.join(__dirname, 'upstream');

/** Reads cluster.yaml. */
export function loadModel(): UpstreamModel {
  return YAML.parse(fs.readFileSync(path.join(UPSTREAM_DIR, 'cluster.yaml'), 'utf8')) as UpstreamModel;
}

/** Reads every case file, sorted by name. */
export function loadCases(): UpstreamCase[] {
  return fs
    .readdirSync(UPSTREAM_DIR)
    .filter((f) => /^\d\d-.*\.yaml$/.test(f))
    .sort()
    .map((file) => ({ ...(YAML.parse(fs.readFileSync(path.join(UPSTREAM_DIR, file), 'utf8')) as Omit<UpstreamCase, 'file'>), file }));
}

/** The policy text of a step for one revision and IP family. */
export function stepPolicies(step: Step, revision: Revision, family: Family = 4): string {
  const source = family === 6 && step.policiesIPv6 !== undefined ? step.policiesIPv6 : step.policies;
  const text = typeof source === 'string' ? source : source[revision];
  if (text === undefined) throw new Error(`step "${step.by}" has no policies for revision ${revision}`);
  // an IPv4 literal on an IPv6 cluster means policiesIPv6 is missing
  if (family === 6 && /\b\d+\.\d+\.\d+\.\d+/.test(text)) throw new Error(`step "${step.by}" names an IPv4 address but has no policiesIPv6`);
  return text;
}

/** A truth table: table.get(from).get(to) = connected. */
export type Table = Map<string, Map<string, boolean>>;

function peerMatches(peer: Peer, pod: string): boolean {
  const [ns, name] = pod.split('/');
  return (peer.namespace === undefined || peer.namespace === ns) && (peer.pod === undefined || peer.pod === name);
}

/**
 * Replays upstream's NewReachability(pods, true) followed by the calls, in order (reachability.go).
 * A call naming a pod outside the topology is a transcription error and throws.
 */
export function expandCalls(pods: string[], calls: Call[], revision: Revision): Table {
  const table: Table = new Map(pods.map((f) => [f, new Map(pods.map((t) => [t, true]))]));
  const set = (from: string, to: string, v: boolean) => {
    const row = table.get(from);
    if (!row || !row.has(to)) throw new Error(`${revision}: ${from} -> ${to} is not in the topology ${pods.join(',')}`);
    row.set(to, v);
  };
  for (const call of calls) {
    const opts = (call.length === 5 ? call[4] : call[0] === 'ExpectAllIngress' || call[0] === 'ExpectAllEgress' ? call[3] : undefined) as CallOptions | undefined;
    if (opts?.only && opts.only !== revision) continue;
    switch (call[0]) {
      case 'Expect':
        set(call[1], call[2], call[3]);
        break;
      case 'ExpectAllIngress':
        for (const from of pods) set(from, call[1], call[2]);
        break;
      case 'ExpectAllEgress':
        for (const to of pods) set(call[1], to, call[2]);
        break;
      case 'ExpectPeer':
        for (const from of pods) if (peerMatches(call[1], from)) for (const to of pods) if (peerMatches(call[2], to)) set(from, to, call[3]);
        break;
      default:
        throw new Error(`unknown call ${JSON.stringify(call)}`);
    }
  }
  return table;
}

/** Renders a table like upstream's TruthTable.PrettyPrint: '.' connected, 'X' not; columns are destinations. */
export function renderTable(pods: string[], cell: (from: string, to: string) => string): string {
  const w = Math.max(3, ...pods.map((p) => p.length));
  const lines = [['-'.padEnd(w), ...pods.map((p) => p.padEnd(w))].join(' ').trimEnd()];
  for (const from of pods) lines.push([from.padEnd(w), ...pods.map((to) => cell(from, to).padEnd(w))].join(' ').trimEnd());
  return lines.join('\n') + '\n';
}

/** Renders an expected table. */
export function renderGrid(pods: string[], table: Table): string {
  return renderTable(pods, (f, t) => (table.get(f)!.get(t) ? '.' : 'X'));
}

/** Parses a grid written by renderGrid back into a table (header row names the destinations). */
export function parseGrid(text: string): { pods: string[]; table: Table } {
  const rows = text.trim().split('\n').map((l) => l.trim().split(/\s+/));
  const pods = rows[0].slice(1);
  const table: Table = new Map();
  for (const row of rows.slice(1)) {
    const [from, ...cells] = row;
    if (cells.length !== pods.length) throw new Error(`grid row ${from} has ${cells.length} cells, expected ${pods.length}`);
    table.set(from, new Map(pods.map((to, i) => {
      if (cells[i] !== '.' && cells[i] !== 'X') throw new Error(`grid cell ${from} -> ${to} is '${cells[i]}'`);
      return [to, cells[i] === '.'];
    })));
  }
  return { pods, table };
}
