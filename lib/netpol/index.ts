/**
 * Public API of the NetworkPolicy engine. Consumers import only from `@/lib/netpol`.
 * Pipeline: parseDocuments → validatePolicyObject (decode + defaultPolicySpec + validate) = parsePolicies;
 * parseCluster; compile → evaluate / reachability → explainVerdict / summarizeVerdict / renderMatrix.
 * Pure TypeScript; the only runtime dependency is `yaml`.
 */
export type * from './types';
export type { ParseDocumentsOptions } from './parse';
export type { ParseClusterOptions } from './cluster';
export type { UndefaultedSpec, UndefaultedPort } from './defaults';
export type { ResolvedEndpoint, PortContext } from './evaluate';
export type { ParsedIp } from './cidr';

export { parseDocuments, positionOf, DEFAULT_LIMITS } from './parse';
export { parsePolicies } from './policies';
export { defaultPolicySpec } from './defaults';
export { validatePolicyObject, validateLabelSelector, validateLabels, NETWORK_POLICY_API_VERSION } from './validate';
export { parseCluster, normalizeCluster, NAMESPACE_NAME_LABEL } from './cluster';
export { compile, selectPods, selectCompiled, podsMatchingPeer, peerPodMask, ipBlockContains } from './compile';
export { evaluate, resolveEndpoint, resolvePort, peerMatches, portMatches, ruleMatches, formatCompiledPort, selectorMiss } from './evaluate';
export { explainVerdict, summarizeVerdict } from './explain';
export { reachability, renderMatrix, matrixToJson } from './reachability';
export { compileSelector, matchSelector, formatSelector, formatLabels, formatRequirement } from './selectors';
export { parseIp, parseCidr, cidrContains, formatIp } from './cidr';
export { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum } from './k8s-validation';

// Lint and describe are written by another helper on top of these types (lib/netpol/lint*.ts, describe.ts).
export type { LintCode, LintStage, LintRule, LintOptions } from './lint';
export { lintPolicies, LINT_CATALOGUE } from './lint';
export type { DescribeOptions } from './describe';
export { describePolicy, describePolicies } from './describe';
