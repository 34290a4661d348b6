/**
 * Conformance: the legacy (pre-truth-table) upstream e2e NetworkPolicy suite,
 * kubernetes/kubernetes test/e2e/network/network_policy.go at 249d74f3965d386d5cb89bc4bd83c34eff2017f0:
 * one server pod (ports 80/81, named serve-80/serve-81) and one-shot client pods; every It's
 * testCanConnect / testCannotConnect is a probe in ./legacy/*.yaml (see ./legacy/cluster.yaml for the
 * modelling choices). One Jest test per It; all 8 Its of that revision are ported.
 * Not ported: later revisions of this file grew the cases that now live in netpol/network_policy.go
 * (ported in upstream.test.ts); the clients' DNS lookup (UDP 53 to kube-dns) is not modelled, the
 * engine covers pod-to-pod traffic only.
 */
import { loadLegacyCases, loadLegacyWorld, runLegacyCase } from './legacy-case';

const world = loadLegacyWorld();
const cases = loadLegacyCases();

test('the 8 Its of the legacy revision are transcribed', () => {
  expect(new Set(cases.map((c) => c.it)).size).toBe(8);
});

test.each(cases.map((c) => [c.it, c] as const))('legacy e2e: %s', (_it, c) => {
  const failures = runLegacyCase(world, c);
  if (failures.length) throw new Error(`${c.file}\n${failures.join('\n')}`);
  expect(c.steps.flatMap((s) => s.probes).length).toBeGreaterThan(0);
});
