/**
 * The NetworkPolicy (networking.k8s.io/v1) field tree used by the editor for completion and hover docs.
 * Doc strings paraphrase the Kubernetes API reference; `source` says which cluster facts can fill a value.
 */

/** Where completion values for a scalar come from. */
export type ValueSource =
  | 'namespace'
  | 'pod-label-key'
  | 'pod-label-value'
  | 'namespace-label-key'
  | 'namespace-label-value'
  | 'port'
  | 'cidr';

/** One node of the field tree. */
export type FieldNode = {
  doc: string;
  kind: 'object' | 'array' | 'map' | 'string' | 'integer' | 'int-or-string' | 'enum';
  /** Fields of an object. */
  children?: Record<string, FieldNode>;
  /** Element of an array, or the value of every entry of a map. */
  items?: FieldNode;
  /** Allowed values of an enum (or suggested constant values of a string). */
  values?: string[];
  /** Cluster facts that can fill this value (or, for a map, its keys). */
  source?: ValueSource;
};

function labelSelector(doc: string, target: 'pod' | 'namespace'): FieldNode {
  const keySource: ValueSource = target === 'pod' ? 'pod-label-key' : 'namespace-label-key';
  const valueSource: ValueSource = target === 'pod' ? 'pod-label-value' : 'namespace-label-value';
  return {
    kind: 'object',
    doc,
    children: {
      matchLabels: {
        kind: 'map',
        source: keySource,
        doc: `map of {key: value} pairs; a ${target} matches when it carries every pair (ANDed with matchExpressions)`,
        items: { kind: 'string', source: valueSource, doc: 'the label value that must match exactly' },
      },
      matchExpressions: {
        kind: 'array',
        doc: 'list of label selector requirements; all of them must hold (ANDed)',
        items: {
          kind: 'object',
          doc: 'a label selector requirement: a key, an operator and (for In/NotIn) values',
          children: {
            key: { kind: 'string', source: keySource, doc: 'the label key the requirement applies to' },
            operator: {
              kind: 'enum',
              values: ['In', 'NotIn', 'Exists', 'DoesNotExist'],
              doc: "the key's relationship to the values: In, NotIn, Exists or DoesNotExist",
            },
            values: {
              kind: 'array',
              doc: 'for In and NotIn: a non-empty list of values; for Exists and DoesNotExist: must be empty',
              items: { kind: 'string', source: valueSource, doc: 'a label value' },
            },
          },
        },
      },
    },
  };
}

const port: FieldNode = {
  kind: 'object',
  doc: 'a port to allow traffic on; an empty list or missing `ports` means all ports',
  children: {
    protocol: {
      kind: 'enum',
      values: ['TCP', 'UDP', 'SCTP'],
      doc: 'the protocol (TCP, UDP or SCTP) the traffic must match; defaults to TCP',
    },
    port: {
      kind: 'int-or-string',
      source: 'port',
      doc: 'the port on the destination pod: a number or a named container port; missing means all ports of the protocol',
    },
    endPort: {
      kind: 'integer',
      doc: 'with a numeric `port`, allows the range port..endPort (inclusive); must be >= port; not allowed with a named port',
    },
  },
};

function peer(direction: 'from' | 'to'): FieldNode {
  return {
    kind: 'object',
    doc:
      direction === 'from'
        ? 'a traffic source; podSelector and namespaceSelector in the same peer are ANDed'
        : 'a traffic destination; podSelector and namespaceSelector in the same peer are ANDed',
    children: {
      podSelector: labelSelector(
        'selects pods; alone it selects pods in the policy\'s namespace, with namespaceSelector pods in the selected namespaces; `{}` selects all pods',
        'pod',
      ),
      namespaceSelector: labelSelector(
        'selects namespaces by their labels (every namespace has `kubernetes.io/metadata.name`); `{}` selects all namespaces',
        'namespace',
      ),
      ipBlock: {
        kind: 'object',
        doc: 'a CIDR range; pod IPs are matched too, but the CNI may rewrite node/ingress traffic',
        children: {
          cidr: { kind: 'string', source: 'cidr', doc: 'an IP block in CIDR notation, e.g. 192.168.1.0/24 or 2001:db8::/64' },
          except: {
            kind: 'array',
            doc: 'CIDRs excluded from `cidr`; each must be inside it',
            items: { kind: 'string', source: 'cidr', doc: 'a CIDR inside the ipBlock' },
          },
        },
      },
    },
  };
}

/** The root of a NetworkPolicy document. */
export const networkPolicySchema: FieldNode = {
  kind: 'object',
  doc: 'a NetworkPolicy document',
  children: {
    apiVersion: { kind: 'enum', values: ['networking.k8s.io/v1'], doc: 'the API group and version: networking.k8s.io/v1' },
    kind: { kind: 'enum', values: ['NetworkPolicy'], doc: 'the object kind: NetworkPolicy' },
    metadata: {
      kind: 'object',
      doc: "the object's metadata: name and namespace",
      children: {
        name: { kind: 'string', doc: 'the policy name, unique within its namespace (a DNS subdomain)' },
        namespace: { kind: 'string', source: 'namespace', doc: 'the namespace the policy lives in and whose pods it can select' },
        labels: { kind: 'map', doc: "labels on the policy itself (they don't select anything)", items: { kind: 'string', doc: 'a label value' } },
        annotations: { kind: 'map', doc: 'free-form annotations', items: { kind: 'string', doc: 'an annotation value' } },
      },
    },
    spec: {
      kind: 'object',
      doc: 'the policy: which pods it selects and what traffic it allows',
      children: {
        podSelector: labelSelector(
          "selects the pods in the policy's namespace this policy applies to; `{}` selects every pod in the namespace",
          'pod',
        ),
        policyTypes: {
          kind: 'array',
          doc: 'Ingress and/or Egress: the directions this policy isolates; default: Ingress, plus Egress when spec.egress is set',
          items: { kind: 'enum', values: ['Ingress', 'Egress'], doc: 'a direction this policy isolates' },
        },
        ingress: {
          kind: 'array',
          doc: 'ingress rules; traffic is allowed if it matches any rule (rules are ORed); an empty list allows no ingress',
          items: {
            kind: 'object',
            doc: 'an ingress rule: traffic must match `from` AND `ports`',
            children: {
              from: {
                kind: 'array',
                doc: 'sources allowed (ORed); empty or missing means all sources',
                items: peer('from'),
              },
              ports: { kind: 'array', doc: 'ports allowed (ORed); empty or missing means all ports', items: port },
            },
          },
        },
        egress: {
          kind: 'array',
          doc: 'egress rules; traffic is allowed if it matches any rule (rules are ORed); an empty list allows no egress',
          items: {
            kind: 'object',
            doc: 'an egress rule: traffic must match `to` AND `ports`',
            children: {
              to: {
                kind: 'array',
                doc: 'destinations allowed (ORed); empty or missing means all destinations',
                items: peer('to'),
              },
              ports: { kind: 'array', doc: 'ports allowed (ORed); empty or missing means all ports', items: port },
            },
          },
        },
      },
    },
  },
};

/** Finds the node at a path like ['spec', 'ingress', '[]', 'from']; '[]' steps into array items, any key into a map. */
export function findSchemaNode(path: readonly string[], root: FieldNode = networkPolicySchema): FieldNode | null {
  let node: FieldNode | undefined = root;
  for (const segment of path) {
    if (!node) return null;
    if (segment === '[]') node = node.kind === 'array' ? node.items : undefined;
    else if (node.kind === 'object') node = node.children?.[segment];
    else if (node.kind === 'map') node = node.items;
    else return null;
  }
  return node ?? null;
}

/** Renders a path for people: ['spec','ingress','[]','from'] → 'spec.ingress[].from'. */
export function formatSchemaPath(path: readonly string[]): string {
  return path.reduce((acc, seg) => (seg === '[]' ? `${acc}[]` : acc ? `${acc}.${seg}` : seg), '');
}
