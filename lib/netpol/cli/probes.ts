import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { editDistance } from '../lint-finding';
import type { Probe, Protocol } from '../types';

/** A problem in the probes file, located like the engine's diagnostics. */
export type ProbeError = { path: string; line?: number; column?: number; message: string };

const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];
const KNOWN = ['from', 'to', 'port', 'protocol'];
/** IANA_SVC_NAME as Kubernetes validates port names: 1-15 chars, lowercase alphanumerics and '-', a letter. */
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

function pos(node: Node | null | undefined, lc: LineCounter): { line?: number; column?: number } {
  const off = node?.range?.[0];
  if (off === undefined) return {};
  const p = lc.linePos(off);
  return { line: p.line, column: p.col };
}

/**
 * Reads the probes list: YAML or JSON, a list of `{from, to, port, protocol?}` (or `{probes: [...]}`).
 * Every problem is collected; probes are returned only when there is none.
 */
export function parseProbes(text: string, maxBytes = 4 * 1024 * 1024): { probes: Probe[]; errors: ProbeError[]; positions: Record<string, { line?: number; column?: number }> } {
  const positions: Record<string, { line?: number; column?: number }> = {};
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return { probes: [], errors: [{ path: '', message: `too large: more than ${maxBytes} bytes` }], positions };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const errors: ProbeError[] = doc.errors.map((e) => ({ path: '', line: e.linePos?.[0].line, column: e.linePos?.[0].col, message: `yaml: ${e.message.split('\n')[0]}` }));
  if (errors.length > 0) return { probes: [], errors, positions };
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { probes: [], errors: [{ path: '', message: `yaml: ${(e as Error).message}` }], positions };
  }
  let seq = doc.contents as Node | null;
  let prefix = '';
  if (isMap(seq) && seq.has('probes')) {
    seq = seq.get('probes', true) as Node;
    prefix = 'probes';
    js = (js as Record<string, unknown>).probes;
  }
  if (!isSeq(seq)) {
    return { probes: [], errors: [{ path: prefix, ...pos(seq, lc), message: `${prefix || 'probes'}: Invalid value: must be a list of {from, to, port, protocol?}` }], positions };
  }
  const probes: Probe[] = [];
  seq.items.forEach((item, i) => {
    const base = `${prefix}[${i}]`;
    if (!isMap(item)) {
      errors.push({ path: base, ...pos(item as Node, lc), message: `${base}: Invalid value: must be an object with from, to, port and optional protocol` });
      return;
    }
    const v = ((js as unknown[])[i] ?? {}) as Record<string, unknown>;
    const at = (k: string) => pos((item.get(k, true) as Node) ?? item, lc);
    for (const k of ['from', 'to', 'port', 'protocol']) positions[`${base}.${k}`] = at(k);
    // Extra fields (a grader's `expected`, a comment) are ignored; a near miss of a known field is a typo.
    for (const k of Object.keys(v)) {
      if (KNOWN.includes(k)) continue;
      const typo = KNOWN.find((known) => editDistance(k.toLowerCase(), known) <= 2);
      if (typo) errors.push({ path: `${base}.${k}`, ...at(k), message: `unknown field "${base}.${k}" (did you mean "${typo}"?)` });
    }
    for (const k of ['from', 'to'] as const) {
      if (v[k] === undefined || v[k] === null || v[k] === '') errors.push({ path: `${base}.${k}`, ...pos(item, lc), message: `${base}.${k}: Required value` });
      else if (typeof v[k] !== 'string') errors.push({ path: `${base}.${k}`, ...at(k), message: `${base}.${k}: Invalid value: ${JSON.stringify(v[k])}: must be \`namespace/pod\`, \`ip:<address>\` or an external's name` });
    }
    const port = v.port;
    if (port === undefined || port === null || port === '') {
      errors.push({ path: `${base}.port`, ...pos(item, lc), message: `${base}.port: Required value` });
    } else if (typeof port === 'number') {
      if (!Number.isInteger(port) || port < 1 || port > 65535) errors.push({ path: `${base}.port`, ...at('port'), message: `${base}.port: Invalid value: ${port}: must be between 1 and 65535, inclusive` });
    } else if (typeof port === 'string' && /^[0-9]+$/.test(port)) {
      // A quoted number ("80") is read as that number, as JSON producers often quote ports.
      const n = Number(port);
      if (n < 1 || n > 65535) errors.push({ path: `${base}.port`, ...at('port'), message: `${base}.port: Invalid value: "${port}": must be between 1 and 65535, inclusive` });
    } else if (typeof port === 'string') {
      if (port.length > 15 || !PORT_NAME.test(port)) errors.push({ path: `${base}.port`, ...at('port'), message: `${base}.port: Invalid value: "${port}": must be a port number or a port name (IANA_SVC_NAME)` });
    } else {
      errors.push({ path: `${base}.port`, ...at('port'), message: `${base}.port: Invalid value: ${JSON.stringify(port)}: must be a port number or a port name` });
    }
    const protocol = v.protocol;
    if (protocol !== undefined && protocol !== null && !(typeof protocol === 'string' && PROTOCOLS.includes(protocol))) {
      errors.push({ path: `${base}.protocol`, ...at('protocol'), message: `${base}.protocol: Unsupported value: ${JSON.stringify(protocol)}: supported values: "TCP", "UDP", "SCTP"` });
    }
    const probe: Probe = { from: String(v.from), to: String(v.to), port: port as number | string };
    if (typeof protocol === 'string') probe.protocol = protocol as Protocol;
    probes.push(probe);
  });
  return errors.length > 0 ? { probes: [], errors, positions } : { probes, errors, positions };
}
