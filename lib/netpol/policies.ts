import { parseDocuments } from './parse';
import type { Diagnostic, NetworkPolicy, ParsePoliciesOptions } from './types';
import { validatePolicyObject } from './validate';

/**
 * Parses, defaults and validates NetworkPolicy YAML (one or more documents, or a List); only valid policies
 * are returned, and one bad document does not hide the others. A policy without metadata.namespace goes to
 * `defaultNamespace` (default 'default'). When the same namespace/name appears twice the later one wins, as
 * with `kubectl apply`, and a warning says so.
 */
export function parsePolicies(text: string, opts: ParsePoliciesOptions = {}): { policies: NetworkPolicy[]; diagnostics: Diagnostic[] } {
  const parsed = parseDocuments(text, opts);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const byKey = new Map<string, number>();
  const policies: (NetworkPolicy | null)[] = [];
  for (const obj of parsed.objects) {
    const r = validatePolicyObject(obj, { defaultNamespace: opts.defaultNamespace });
    diagnostics.push(...r.diagnostics);
    if (!r.policy) continue;
    const key = `${r.policy.namespace}/${r.policy.name}`;
    const prev = byKey.get(key);
    if (prev !== undefined) {
      policies[prev] = null;
      diagnostics.push({
        severity: 'warning',
        type: 'Duplicate',
        path: 'metadata.name',
        message: `networkpolicy "${r.policy.name}" in namespace "${r.policy.namespace}" is defined more than once: the later definition replaces the earlier one`,
        line: r.policy.source.positions['metadata.name']?.line ?? r.policy.source.line,
        column: r.policy.source.positions['metadata.name']?.column ?? r.policy.source.column,
        document: obj.document,
      });
    }
    byKey.set(key, policies.length);
    policies.push(r.policy);
  }
  // Stable: keeps the API server's order within a document.
  diagnostics.sort((a, b) => (a.document ?? -1) - (b.document ?? -1));
  return { policies: policies.filter((p): p is NetworkPolicy => p !== null), diagnostics };
}
