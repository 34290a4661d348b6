/**
 * The legacy upstream e2e NetworkPolicy suite (server pod + one-shot clients) as data in ./legacy,
 * and its replay through the engine. Shared by legacy.test.ts and tools/report-failures.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { compile, evaluate, parseCluster, parsePolicies, summarizeVerdict } from '@/lib/netpol';

/** [client 'ns/name', server port, testCanConnect (true) or testCannotConnect (false)]. */
export type LegacyProbe = [string, number, boolean];
/** One legacy It. */
export type LegacyCase = { file: string; it: string; steps: { by: string; policies: string; probes: LegacyProbe[] }[] };
/** The legacy world (./legacy/cluster.yaml). */
export type LegacyWorld = {
  namespaces: Record<string, Record<string, string>>;
  server: { id: string; labels: Record<string, string>; ip: string; ports: number[] };
  clientIPBase: string;
};

const dir = path.join(__dirname, 'legacy');

/** Reads ./legacy/cluster.yaml. */
export function loadLegacyWorld(): LegacyWorld {
  return YAML.parse(fs.readFileSync(path.join(dir, 'cluster.yaml'), 'utf8')) as LegacyWorld;
}

/** Reads every ./legacy/NN-*.yaml, sorted. */
export function loadLegacyCases(): LegacyCase[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d\d-.*\.yaml$/.test(f))
    .sort()
    .map((file) => ({ ...(YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Omit<LegacyCase, 'file'>), file }));
}

/** The cluster of one It: the server plus every client it probes from. */
export function legacyCluster(world: LegacyWorld, c: LegacyCase): object {
  const clients = [...new Set(c.steps.flatMap((s) => s.probes.map((p) => p[0])))];
  const [serverNs, serverName] = world.server.id.split('/');
  return {
    namespaces: Object.entries(world.namespaces).map(([name, labels]) => ({ name, labels })),
    pods: [
      {
        namespace: serverNs,
        name: serverName,
        labels: world.server.labels,
        ip: world.server.ip,
        ports: world.server.ports.map((p) => ({ name: `serve-${p}`, containerPort: p, protocol: 'TCP' })),
      },
      ...clients.map((id, i) => {
        const [namespace, name] = id.split('/');
        return { namespace, name, labels: { 'pod-name': name }, ip: `${world.clientIPBase}${i + 1}`, ports: [] };
      }),
    ],
    externals: [],
  };
}

/** Replays one It; returns one line per disagreeing probe or rejected input (empty = conformant). */
export function runLegacyCase(world: LegacyWorld, c: LegacyCase): string[] {
  const failures: string[] = [];
  const { cluster, diagnostics } = parseCluster(legacyCluster(world, c));
  const clusterErrors = diagnostics.filter((d) => d.severity === 'error');
  if (!cluster || clusterErrors.length) return [`cluster rejected: ${clusterErrors.map((d) => d.message).join('; ')}`];
  c.steps.forEach((step, i) => {
    const parsed = parsePolicies(step.policies, { defaultNamespace: 'network-policy' });
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    const documents = (step.policies.match(/^kind: NetworkPolicy$/gm) ?? []).length;
    if (errors.length || parsed.policies.length !== documents) {
      failures.push(`step ${i + 1}: policies rejected (${parsed.policies.length}/${documents} kept): ${errors.map((d) => d.message).join('; ')}`);
      return;
    }
    const model = compile(cluster, parsed.policies);
    for (const [from, port, expected] of step.probes) {
      const v = evaluate(model, { from, to: world.server.id, port, protocol: 'TCP' });
      if (v.allowed !== expected || v.error)
        failures.push(
          `step ${i + 1} (${step.by}): ${from} -> ${world.server.id}:${port} expected ${expected ? 'testCanConnect (allowed)' : 'testCannotConnect (denied)'}, engine ${v.allowed ? 'allowed' : 'denied'}: ${v.error ?? summarizeVerdict(v)}`,
        );
    }
  });
  return failures;
}
