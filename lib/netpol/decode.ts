/**
 * Strict decoding of plain YAML/JSON values against a schema, as the API server's strict field validation
 * does (`unknown field "spec.ingres"`), with type errors instead of Go's unmarshal panics. Null is
 * "absent", as in Go's JSON decoding into pointers, slices and maps.
 */
import type { FieldErrors } from './k8s-validation';
import { formatBadValue } from './k8s-validation';

/** A decoding schema node. */
export type Schema =
  | { kind: 'object'; fields: Record<string, Schema> }
  | { kind: 'array'; of: Schema }
  | { kind: 'string' }
  | { kind: 'int' }
  | { kind: 'bool' }
  | { kind: 'intOrString' }
  | { kind: 'stringMap' }
  | { kind: 'any' };

function describeType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v;
}

function child(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Zero value of a schema (what Go decodes a JSON null array element into). */
function zero(schema: Schema): unknown {
  switch (schema.kind) {
    case 'object':
      return {};
    case 'string':
      return '';
    case 'int':
      return 0;
    case 'bool':
      return false;
    default:
      return undefined;
  }
}

/** Reports a type mismatch (no closure per call: decode is on the hot path of every parse). */
function wrong(value: unknown, path: string, errs: FieldErrors, want: string): undefined {
  const shown = typeof value === 'object' ? describeType(value) : formatBadValue(value);
  errs.add('Invalid', path, `must be ${want}`, undefined, { rawValue: shown });
  return undefined;
}

/** Marks "not decided here": decodeScalar only handles well-typed scalars, the rest goes through decode. */
const NOT_SCALAR: unique symbol = Symbol('not a well-typed scalar');

/** A non-null value that its scalar schema accepts as is, else NOT_SCALAR (cheap: no path, no errors). */
function decodeScalar(value: unknown, schema: Schema): unknown {
  switch (schema.kind) {
    case 'any':
      return value;
    case 'string':
      return typeof value === 'string' ? value : NOT_SCALAR;
    case 'bool':
      return typeof value === 'boolean' ? value : NOT_SCALAR;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? value : NOT_SCALAR;
    case 'intOrString':
      return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)) ? value : NOT_SCALAR;
    default:
      return NOT_SCALAR;
  }
}

/**
 * Decodes `value` against `schema`, reporting unknown fields and type mismatches into `errs`.
 * Returns the decoded value (unknown fields dropped) or undefined when absent or of the wrong type.
 */
export function decode(value: unknown, schema: Schema, path: string, errs: FieldErrors): unknown {
  if (value === null || value === undefined) return undefined;
  switch (schema.kind) {
    case 'any':
      return value;
    case 'string':
      return typeof value === 'string' ? value : wrong(value, path, errs, 'a string');
    case 'bool':
      return typeof value === 'boolean' ? value : wrong(value, path, errs, 'a boolean');
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? value : wrong(value, path, errs, 'an integer');
    case 'intOrString':
      if (typeof value === 'string') return value;
      return typeof value === 'number' && Number.isInteger(value) ? value : wrong(value, path, errs, 'an integer or a string');
    case 'stringMap': {
      if (typeof value !== 'object' || Array.isArray(value)) return wrong(value, path, errs, 'a map of strings');
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === null) { out[k] = ''; continue; }
        if (typeof v !== 'string') {
          // A common slip: `version: 2` or `enabled: true` unquoted; Kubernetes rejects non-string label values.
          errs.add('Invalid', child(path, k), 'must be a string (quote it)', undefined, { rawValue: formatBadValue(v) });
          continue;
        }
        out[k] = v;
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(value)) return wrong(value, path, errs, 'a list');
      const out: unknown[] = new Array(value.length);
      const of = schema.of;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item === null || item === undefined) out[i] = zero(of);
        else {
          // Scalars of the right type need no path (it is only built for an error or a nested value).
          const d = decodeScalar(item, of);
          out[i] = d !== NOT_SCALAR ? d : decode(item, of, `${path}[${i}]`, errs);
        }
      }
      return out;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return wrong(value, path, errs, 'an object');
      const out: Record<string, unknown> = {};
      const obj = value as Record<string, unknown>;
      for (const k of Object.keys(obj)) {
        const f = schema.fields[k];
        if (!f || !Object.prototype.hasOwnProperty.call(schema.fields, k)) {
          errs.add('Unknown', child(path, k), '', undefined, { message: `unknown field "${child(path, k)}"` });
          continue;
        }
        const v = obj[k];
        if (v === null || v === undefined) continue;
        const s = decodeScalar(v, f);
        const d = s !== NOT_SCALAR ? s : decode(v, f, child(path, k), errs);
        if (d !== undefined) out[k] = d;
      }
      return out;
    }
    default: {
      const never: never = schema;
      throw new Error(`unexpected schema ${JSON.stringify(never)}`);
    }
  }
}

const str: Schema = { kind: 'string' };
const any: Schema = { kind: 'any' };

/** metav1.LabelSelector. */
export const LABEL_SELECTOR: Schema = {
  kind: 'object',
  fields: {
    matchLabels: { kind: 'stringMap' },
    matchExpressions: { kind: 'array', of: { kind: 'object', fields: { key: str, operator: str, values: { kind: 'array', of: str } } } },
  },
};

/** metav1.ObjectMeta (fields other than name/namespace/labels/annotations are accepted and ignored). */
export const OBJECT_META: Schema = {
  kind: 'object',
  fields: {
    name: str,
    generateName: str,
    namespace: str,
    labels: { kind: 'stringMap' },
    annotations: { kind: 'stringMap' },
    uid: any,
    resourceVersion: any,
    generation: any,
    creationTimestamp: any,
    deletionTimestamp: any,
    deletionGracePeriodSeconds: any,
    ownerReferences: any,
    finalizers: any,
    managedFields: any,
    selfLink: any,
  },
};

const PEER: Schema = {
  kind: 'object',
  fields: {
    podSelector: LABEL_SELECTOR,
    namespaceSelector: LABEL_SELECTOR,
    ipBlock: { kind: 'object', fields: { cidr: str, except: { kind: 'array', of: str } } },
  },
};
const PORT: Schema = { kind: 'object', fields: { protocol: str, port: { kind: 'intOrString' }, endPort: { kind: 'int' } } };

/** networking.k8s.io/v1 NetworkPolicy. */
export const NETWORK_POLICY: Schema = {
  kind: 'object',
  fields: {
    apiVersion: str,
    kind: str,
    metadata: OBJECT_META,
    spec: {
      kind: 'object',
      fields: {
        podSelector: LABEL_SELECTOR,
        ingress: { kind: 'array', of: { kind: 'object', fields: { from: { kind: 'array', of: PEER }, ports: { kind: 'array', of: PORT } } } },
        egress: { kind: 'array', of: { kind: 'object', fields: { to: { kind: 'array', of: PEER }, ports: { kind: 'array', of: PORT } } } },
        policyTypes: { kind: 'array', of: str },
      },
    },
  },
};
