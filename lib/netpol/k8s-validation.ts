/**
 * Ports of the k8s.io/apimachinery/pkg/util/validation string checks and field-error formatting, with the
 * upstream wording, so diagnostics read like `kubectl apply` output.
 */
import type { Diagnostic, DiagnosticType, SourcePos } from './types';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);

/** validation.RegexError: message, examples and the regex, exactly as upstream prints them. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let s = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) s += ' or ';
    s += `'${e}', `;
  });
  return `${s}regex used for validation is '${fmt}')`;
}

/** validation.MaxLenError. */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

/** validation.IsDNS1123Label: namespace names. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL_RE.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** validation.IsDNS1123Subdomain: object names such as NetworkPolicy and Pod names. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

/** validation.IsQualifiedName: label keys, selector keys. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  const qnameMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  switch (parts.length) {
    case 1:
      name = parts[0];
      break;
    case 2: {
      const prefix = parts[0];
      name = parts[1];
      if (prefix.length === 0) errs.push('prefix part must be non-empty');
      else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
      break;
    }
    default:
      return [`a qualified name ${regexError(qnameMsg, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!QUALIFIED_NAME_RE.test(name)) errs.push(`name part ${regexError(qnameMsg, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** validation.IsValidLabelValue. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE_RE.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/** validation.IsValidPortNum. */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** validation.IsValidPortName (IANA_SVC_NAME). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  return errs;
}

/** Go-style rendering of a bad value in a field error (strings quoted with %q, numbers/bools plain). */
export function formatBadValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

const TYPE_TEXT: Record<string, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  Duplicate: 'Duplicate value',
  TooLong: 'Too long',
};

/** field.Error.Error(): '<path>: <Type>[: <value>][: <detail>]'. `rawValue` is printed verbatim. */
export function fieldErrorMessage(type: DiagnosticType, path: string, detail: string, value?: unknown, rawValue?: string): string {
  let body = TYPE_TEXT[type] ?? type;
  if (type === 'Invalid' || type === 'NotSupported' || type === 'Duplicate') body += `: ${rawValue ?? formatBadValue(value)}`;
  if (detail) body += `: ${detail}`;
  return path ? `${path}: ${body}` : body;
}

/** A collector of field errors with positions for one object. */
export type FieldErrors = {
  list: Diagnostic[];
  /** Adds an error (or warning) at a field path. */
  add(type: DiagnosticType, path: string, detail: string, value?: unknown, opts?: { rawValue?: string; severity?: 'error' | 'warning'; message?: string; at?: string }): void;
  /** True when any error (not warning) was added. */
  hasErrors(): boolean;
};

/** Creates a FieldErrors collector; `locate` maps a field path to its source position. */
export function createFieldErrors(locate: (path: string) => SourcePos | undefined, document?: number): FieldErrors {
  const list: Diagnostic[] = [];
  return {
    list,
    add(type, path, detail, value, opts = {}) {
      const pos = locate(opts.at ?? path);
      list.push({
        severity: opts.severity ?? 'error',
        type,
        path,
        message: opts.message ?? fieldErrorMessage(type, path, detail, value, opts.rawValue),
        line: pos?.line,
        column: pos?.column,
        document,
      });
    },
    hasErrors() {
      return list.some((d) => d.severity === 'error');
    },
  };
}
