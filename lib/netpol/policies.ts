import type { Diagnostic, NetworkPolicy, ParsePoliciesOptions } from './types';

/** Parses, defaults and validates NetworkPolicy YAML; only valid policies are returned. */
export function parsePolicies(text: string, opts: ParsePoliciesOptions = {}): { policies: NetworkPolicy[]; diagnostics: Diagnostic[] } {
  void text; void opts;
  throw new Error('not implemented');
}
