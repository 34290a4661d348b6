import type { Diagnostic, NetworkPolicy, ParsedObject } from './types';

/** Decodes (strict: unknown fields), defaults and validates one parsed NetworkPolicy object. */
export function validatePolicyObject(obj: ParsedObject, opts: { defaultNamespace?: string } = {}): { policy: NetworkPolicy | null; diagnostics: Diagnostic[] } {
  void obj; void opts;
  throw new Error('not implemented');
}
