/**
 * Public types of the NetworkPolicy engine. Pure data: no functions, no I/O.
 * The spec types mirror networking.k8s.io/v1 after API-server defaulting.
 */

/** How serious a diagnostic is; only errors make an object invalid. */
export type Severity = 'error' | 'warning';

/** Field-error category, as in k8s.io/apimachinery/pkg/util/validation/field, plus parser/limit kinds. */
export type DiagnosticType =
  | 'Required'
  | 'Invalid'
  | 'Forbidden'
  | 'NotSupported'
  | 'Duplicate'
  | 'TooLong'
  | 'Unknown'
  | 'Syntax'
  | 'Limit';

/** One user-facing problem; kubectl/API-server wording, lowercase, no final period. */
export type Diagnostic = {
  severity: Severity;
  /** e.g. 'spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive' */
  message: string;
  /** Field path, e.g. 'spec.ingress[0].ports[0].port' ('' when not applicable). */
  path: string;
  /** 1-based line in the text given. */
  line?: number;
  /** 1-based column in the text given. */
  column?: number;
  /** 0-based index of the YAML document. */
  document?: number;
  type?: DiagnosticType;
  /** Lint code for lint findings (e.g. 'NP001-egress-without-dns'). */
  code?: string;
};

/** A 1-based source position. */
export type SourcePos = { line: number; column: number };

/** Transport protocols a NetworkPolicy can name. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

// ---------------------------------------------------------------------------------------------
// Cluster model
// ---------------------------------------------------------------------------------------------

/** A container port of a pod; protocol defaults to TCP. */
export type ContainerPort = { name?: string; containerPort: number; protocol: Protocol };
/** A namespace; labels include kubernetes.io/metadata.name after normalizeCluster. */
export type Namespace = { name: string; labels: Record<string, string> };
/** A pod with its IP (IPv4 or IPv6) and declared container ports. */
export type Pod = { namespace: string; name: string; labels: Record<string, string>; ip: string; ports: ContainerPort[] };
/** A named endpoint outside the cluster (never isolated by any policy). */
export type External = { name: string; ip: string };
/** The whole modelled cluster. */
export type Cluster = { namespaces: Namespace[]; pods: Pod[]; externals: External[] };

// ---------------------------------------------------------------------------------------------
// NetworkPolicy (networking.k8s.io/v1), defaulted
// ---------------------------------------------------------------------------------------------

/** Label selector operator (metav1.LabelSelectorOperator). */
export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
/** metav1.LabelSelectorRequirement. */
export type LabelSelectorRequirement = { key: string; operator: SelectorOperator; values?: string[] };
/** metav1.LabelSelector; `{}` selects everything. */
export type LabelSelector = { matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirement[] };
/** networking/v1 IPBlock, as written (host bits in `cidr` draw a warning and are ignored when matching). */
export type IPBlock = { cidr: string; except?: string[] };
/** networking/v1 NetworkPolicyPeer; absent fields stay absent (absent ≠ `{}`). */
export type NetworkPolicyPeer = { podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: IPBlock };
/** networking/v1 NetworkPolicyPort; protocol defaulted to TCP; port absent = all ports. */
export type NetworkPolicyPort = { protocol: Protocol; port?: number | string; endPort?: number };
/** An ingress rule; `from` absent or empty = all sources. */
export type NetworkPolicyIngressRule = { from?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] };
/** An egress rule; `to` absent or empty = all destinations. */
export type NetworkPolicyEgressRule = { to?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] };
/** A policy type. */
export type PolicyType = 'Ingress' | 'Egress';
/** networking/v1 NetworkPolicySpec after defaulting (policyTypes always present). */
export type NetworkPolicySpec = {
  podSelector: LabelSelector;
  ingress?: NetworkPolicyIngressRule[];
  egress?: NetworkPolicyEgressRule[];
  policyTypes: PolicyType[];
  /** True when policyTypes was absent in the YAML and was defaulted (lint and describe use it). */
  policyTypesDefaulted?: boolean;
};

/** Where a policy came from in the user's text. */
export type PolicySource = {
  /** 0-based YAML document index. */
  document: number;
  /** Index in `items` when the policy came from a `kind: List` / `NetworkPolicyList`. */
  item?: number;
  /** Position of the object itself. */
  line?: number;
  column?: number;
  /** Positions of fields by path relative to the object ('spec.ingress[0].from[1]', 'metadata.name', ...). */
  positions: Record<string, SourcePos>;
};

/** A validated, defaulted NetworkPolicy with provenance. */
export type NetworkPolicy = {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  spec: NetworkPolicySpec;
  source: PolicySource;
};

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/** Limits for hostile input. */
export type ParseOptions = {
  /** Maximum text size in bytes (UTF-8); default 256 KiB. */
  maxBytes?: number;
  /** Maximum number of YAML documents; default 1000. */
  maxDocuments?: number;
  /** Maximum collection nesting depth; default 64. */
  maxDepth?: number;
  /** The yaml package's alias-expansion cap; default 100. */
  maxAliasCount?: number;
};

/** One Kubernetes object found in the text (List items are unpacked into separate objects). */
export type ParsedObject = {
  /** 0-based YAML document index. */
  document: number;
  /** Index in `items` when the object came from a List. */
  item?: number;
  /** Plain JS value of the object. */
  value: unknown;
  line?: number;
  column?: number;
  /** Positions by field path relative to the object ('' = the object; 'spec.ingress[0].from'). */
  positions: Record<string, SourcePos>;
  /** Path prefix of the object in its document ('' or 'items[3]'); diagnostics are reported relative to the object. */
  prefix: string;
  /**
   * Paths of unquoted values such as `yes`, `on`, `y`, `n`: strings here (YAML 1.2) but booleans for kubectl,
   * whose YAML reader follows YAML 1.1 (so `kubectl apply` fails on them where a string is expected).
   */
  yaml11Booleans?: { path: string; value: string }[];
};

/** Result of parsing YAML text into objects. */
export type ParseResult = { objects: ParsedObject[]; diagnostics: Diagnostic[] };

/** Options of parsePolicies. */
export type ParsePoliciesOptions = ParseOptions & { defaultNamespace?: string };

// ---------------------------------------------------------------------------------------------
// Compiled model (read-only for consumers; build it with compile())
// ---------------------------------------------------------------------------------------------

/** A compiled label selector: decided once into a tagged union. */
export type CompiledSelector =
  | { kind: 'all' }
  | { kind: 'match'; labels: [string, string][]; exprs: CompiledRequirement[]; text: string };
/** A compiled selector requirement. */
export type CompiledRequirement =
  | { op: 'In'; key: string; values: Set<string> }
  | { op: 'NotIn'; key: string; values: Set<string> }
  | { op: 'Exists'; key: string }
  | { op: 'DoesNotExist'; key: string };

/** A parsed CIDR: family, network address as bigint, prefix length. */
export type Cidr = { family: 4 | 6; base: bigint; prefix: number; mask: bigint; text: string };

/** A compiled peer. */
export type CompiledPeer =
  | {
      kind: 'pods';
      namespaces: { kind: 'same'; namespace: string } | { kind: 'selector'; selector: CompiledSelector };
      pods: CompiledSelector;
      path: string;
      pos?: SourcePos;
      /** Pods (by index) the peer matches: filled on first use by peerPodMask. */
      mask?: Uint8Array;
    }
  | { kind: 'ipBlock'; cidr: Cidr; except: Cidr[]; path: string; pos?: SourcePos };

/** A compiled port match. */
export type CompiledPort =
  | { kind: 'any-port'; protocol: Protocol; path: string }
  | { kind: 'number'; protocol: Protocol; port: number; path: string }
  | { kind: 'range'; protocol: Protocol; port: number; endPort: number; path: string }
  | { kind: 'named'; protocol: Protocol; name: string; path: string };

/** A compiled rule (ingress `from` or egress `to`). */
export type CompiledRule = {
  direction: 'ingress' | 'egress';
  index: number;
  /** 'spec.ingress[0]' */
  path: string;
  line?: number;
  column?: number;
  /** null = empty/absent peer list: all peers. */
  peers: CompiledPeer[] | null;
  /** null = empty/absent ports: all ports and protocols. */
  ports: CompiledPort[] | null;
  /** The rule as verdicts cite it (built once, shared by verdicts, frozen). */
  ref: RuleRef;
  /** Field path and line a miss points at: the peer list (or the only peer) or the ports. */
  failed: { peers: { path: string; line?: number }; ports: { path: string; line?: number } };
};

/** A compiled policy: selected pods computed once. */
export type CompiledPolicy = {
  /** 'namespace/name' */
  key: string;
  policy: NetworkPolicy;
  podSelector: CompiledSelector;
  /** Indexes into model.cluster.pods of the pods this policy selects. */
  selected: number[];
  isolatesIngress: boolean;
  isolatesEgress: boolean;
  ingress: CompiledRule[];
  egress: CompiledRule[];
  /** The policy as verdicts cite it (built once, shared by verdicts, frozen). */
  ref: PolicyRef;
};

/** The compiled model: cluster indexes + compiled policies + per-pod isolating policies. */
export type CompiledModel = {
  cluster: Cluster;
  policies: CompiledPolicy[];
  /** Pod index by 'namespace/name'. */
  podIndex: Map<string, number>;
  /** Pod indexes by namespace. */
  podsByNamespace: Map<string, number[]>;
  /** Namespace labels by name. */
  namespaceLabels: Map<string, Record<string, string>>;
  /** Per pod index: indexes into `policies` of policies selecting it with Ingress / Egress in policyTypes. */
  ingressPolicies: number[][];
  egressPolicies: number[][];
  /** Parsed pod IPs by pod index. */
  podIps: { family: 4 | 6; value: bigint }[];
};

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

/** Probe endpoints: 'namespace/pod', 'ip:<address>', or an external's name. Port: number or port name. */
export type Probe = { from: string; to: string; port: number | string; protocol?: Protocol };
/** A probe with its protocol filled in. */
export type NormalizedProbe = { from: string; to: string; port: number | string; protocol: Protocol };

/** A resolved probe endpoint. */
export type Endpoint =
  | { kind: 'pod'; id: string; namespace: string; name: string; ip: string; index: number }
  | { kind: 'external'; id: string; name?: string; ip: string };

/** Reference to a policy. */
export type PolicyRef = { policy: string; namespace: string; name: string; line?: number; document?: number };
/** Reference to a rule of a policy. */
export type RuleRef = {
  /** 'namespace/name' */
  policy: string;
  direction: 'ingress' | 'egress';
  index: number;
  /** 'spec.ingress[0]' */
  path: string;
  line?: number;
  document?: number;
};
/** A rule that did not match, with the first reason. */
export type RuleMiss = RuleRef & {
  /** e.g. 'spec.ingress[0].from[1].podSelector wants app=frontend, pod has app=web' */
  reason: string;
  /** Field path of what failed ('spec.ingress[0].from' or 'spec.ingress[0].ports'). */
  failedPath: string;
  failedLine?: number;
};

/** The verdict of one direction. */
export type DirectionVerdict =
  | { kind: 'not-applicable' }
  | { kind: 'not-isolated' }
  | { kind: 'allowed'; by: RuleRef[]; isolatedBy: PolicyRef[] }
  | { kind: 'denied'; isolatedBy: PolicyRef[]; rules: RuleMiss[] };

/** The verdict of a probe, with reasons for both directions. */
export type Verdict = {
  allowed: boolean;
  probe: NormalizedProbe;
  /** Pod to itself: always allowed. */
  self: boolean;
  /** Egress of the source ('not-applicable' when the source is not a pod). */
  egress: DirectionVerdict;
  /** Ingress of the destination ('not-applicable' when the destination is not a pod). */
  ingress: DirectionVerdict;
  /** Resolved endpoints (absent when unresolvable). */
  source?: Endpoint;
  destination?: Endpoint;
  /** Numeric port after resolving a named probe port on the destination pod. */
  resolvedPort?: number;
  /** e.g. 'unknown endpoint `prod/nope`' (then allowed=false). */
  error?: string;
};

/** A reachability matrix: rows are sources, columns destinations. */
export type Matrix = {
  endpoints: string[];
  port: number | string;
  protocol: Protocol;
  /** allowed[i][j]: endpoints[i] → endpoints[j]. */
  allowed: boolean[][];
  /** Problems found (unknown endpoint, named port not resolvable on a destination). */
  errors: string[];
  /** Indexes of endpoints that could not be resolved (their cells are false and render as '?'). */
  unresolved?: number[];
};

/** JSON form of a matrix. */
export type MatrixJson = {
  port: number | string;
  protocol: Protocol;
  endpoints: string[];
  allowed: Record<string, Record<string, boolean>>;
  errors?: string[];
};
