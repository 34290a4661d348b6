/**
 * Public API of the NetworkPolicy engine. Consumers import only from `@/lib/netpol`.
 * Pipeline: parse → defaults → validate (parsePolicies) ; parseCluster ; compile → evaluate / reachability → explain.
 * Pure TypeScript; the only runtime dependency is `yaml`.
 */
export type * from './types';
export { parseDocuments } from './parse';
export { parsePolicies } from './policies';
export { parseCluster } from './cluster';
export { compile } from './compile';
export { evaluate } from './evaluate';
export { explainVerdict, summarizeVerdict } from './explain';
export { reachability, renderMatrix, matrixToJson } from './reachability';
export { defaultPolicySpec } from './defaults';
export { validatePolicyObject } from './validate';
export { normalizeCluster } from './cluster';
export { compileSelector, matchSelector, formatSelector } from './selectors';
export { parseIp, parseCidr, cidrContains } from './cidr';
export { selectPods, podsMatchingPeer } from './compile';
