/** `kubectl describe networkpolicy` text for each policy already in a scenario's cluster. */
import * as netpol from '@/lib/netpol';
import type { NetworkPolicy } from '@/lib/netpol';

type DescribeFn = (p: NetworkPolicy) => string;

/** Each existing policy's 'ns/name' and describe text (null when the engine's describer is unavailable). */
export function describeExisting(yaml: string | null, defaultNamespace: string): { key: string; describe: string | null }[] {
  if (!yaml) return [];
  const { policies } = netpol.parsePolicies(yaml, { defaultNamespace });
  // describePolicy belongs to the engine's contract; look it up so a missing export degrades to YAML only.
  const describe = (netpol as unknown as Record<string, unknown>).describePolicy as DescribeFn | undefined;
  return policies.map((p) => ({ key: `${p.namespace}/${p.name}`, describe: typeof describe === 'function' ? describe(p) : null }));
}
