import { parseDocument, stringify } from 'yaml';
import type { TProtocol } from '@/lib/scenarios/schema';

/** A flow on the matrix. */
export type TFlow = { from: string; to: string; port: number | string; protocol: TProtocol };

/** Identity of a flow (the same key content:check uses for duplicate expectations). */
export function flowKey(f: { from: string; to: string; port: number | string; protocol: string }): string {
  return `${f.from}|${f.to}|${f.port}|${f.protocol}`;
}

/**
 * The matrix click on the expectations YAML: removes the expectation already on the flow, or adds one with
 * the reference's verdict and the author's one-line why. Works on the raw list, so entries that do not
 * validate yet are kept as they are; comments in that YAML are not kept.
 */
export function toggleExpectationYaml(expectationsYaml: string, flow: TFlow & { allowed: boolean }, why?: string): { yaml: string; added: boolean } | { error: string } {
  let list: unknown[] = [];
  if (expectationsYaml.trim() !== '') {
    const doc = parseDocument(expectationsYaml, { uniqueKeys: true });
    if (doc.errors.length > 0) return { error: `fix the expectations YAML first: ${doc.errors[0].message.split('\n')[0]}` };
    let raw: unknown;
    try {
      raw = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // Unresolved aliases and alias bombs throw from toJS.
      return { error: `fix the expectations YAML first: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (raw !== null && !Array.isArray(raw)) return { error: 'the expectations must be a YAML list' };
    list = (raw as unknown[] | null) ?? [];
  }
  const key = flowKey(flow);
  const keyOf = (e: unknown) => {
    if (typeof e !== 'object' || e === null) return null;
    const x = e as Record<string, unknown>;
    return flowKey({ from: String(x.from), to: String(x.to), port: String(x.port), protocol: typeof x.protocol === 'string' ? x.protocol : 'TCP' });
  };
  const at = list.findIndex((e) => keyOf(e) === key);
  if (at >= 0) return { yaml: stringify(list.filter((_, i) => i !== at), { lineWidth: 0 }), added: false };
  const reason = (why ?? '').trim();
  if (reason === '') return { error: 'an expectation needs a one-line why' };
  const added = { from: flow.from, to: flow.to, port: flow.port, protocol: flow.protocol, allowed: flow.allowed, why: reason };
  return { yaml: stringify([...list, added], { lineWidth: 0 }), added: true };
}
