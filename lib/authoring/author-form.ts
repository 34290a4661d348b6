import { LineCounter, parseAllDocuments, parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import type { TScenario } from '@/lib/scenarios/schema';
import type { Finding } from '@/lib/scenarios/check';
import { stringifyScenarioDocument } from './scenario-yaml';
import { sectionSizeMessage, type TCappedSection } from './section-limits';
import { duplicateKeyOffsets, oversizedMapping, tooManyKeysMessage } from './yaml-limits';

const text = (max: number) => z.string().max(max);

// A section over its byte cap (section-limits.ts) fails the request schema, before any YAML is parsed.
const capped = (section: TCappedSection) =>
  z.string().superRefine((value, ctx) => {
    const message = sectionSizeMessage(section, value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

/** The editor's state: metadata fields, Markdown texts, and one YAML text per structured part of the scenario. */
export const ZAuthorForm = z.strictObject({
  slug: text(100),
  title: text(200),
  kind: z.enum(['write', 'predict']),
  difficulty: z.number().int(),
  timeMinutes: z.number().int(),
  topics: z.array(text(40)).max(30),
  namespace: text(100),
  denyAllIsAnswer: z.boolean(),
  task: capped('task'),
  explanation: capped('explanation'),
  hints: z.array(text(4000)).max(3),
  cluster: capped('cluster'),
  existingPolicies: capped('existingPolicies'),
  starter: capped('starter'),
  solution: capped('solution'),
  expectations: capped('expectations'),
  requirements: capped('requirements'),
  ports: capped('ports'),
});
/** The editor's state. */
export type TAuthorForm = z.infer<typeof ZAuthorForm>;

/** The editor's sections; every finding is shown next to one of them. */
export type TFormSection = 'metadata' | 'task' | 'explanation' | 'hints' | 'cluster' | 'existingPolicies' | 'starter' | 'solution' | 'expectations' | 'requirements' | 'ports';

/** The YAML-valued sections of the form. */
export const YAML_SECTIONS = ['cluster', 'expectations', 'requirements', 'ports'] as const;

/** A YAML syntax problem in one section of the form (line within that section's text). */
export type TSectionError = { section: TFormSection; message: string; line?: number };

/**
 * A form turned into a scenario document (not yet validated) plus the YAML syntax errors of its sections;
 * `refused` when a section is over a limit that makes checking it too costly (the checks must not run).
 */
export type TComposed = { document: Record<string, unknown>; sectionErrors: TSectionError[]; refused: boolean };

type TSectionResult = { value: unknown; errors: TSectionError[]; refused: boolean };

// The live check re-composes the whole form after every pause; most sections did not change since the last
// one, so their parsed value is reused (read-only: zod builds new objects and never mutates its input).
const sectionMemo = new Map<string, TSectionResult>();
const SECTION_MEMO_SIZE = 32;

function memoised(section: TFormSection, source: string, parse: (section: TFormSection, source: string) => TSectionResult): TSectionResult {
  const key = `${section}\u0000${source}`;
  const hit = sectionMemo.get(key);
  if (hit) return hit;
  const result = parse(section, source);
  sectionMemo.set(key, result);
  if (sectionMemo.size > SECTION_MEMO_SIZE) sectionMemo.delete(sectionMemo.keys().next().value as string);
  return result;
}

function tooManyKeys(section: TFormSection, lc: LineCounter, big: { keys: number; offset: number }): TSectionResult {
  return { value: undefined, errors: [{ section, message: tooManyKeysMessage(big.keys), line: lc.linePos(big.offset).line }], refused: true };
}

function parseSectionUncached(section: TFormSection, source: string): TSectionResult {
  const fail = (errors: TSectionError[]): TSectionResult => ({ value: undefined, errors, refused: false });
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  const big = oversizedMapping(doc);
  if (big) return tooManyKeys(section, lc, big);
  // Same errors, in the same order, as parsing with `uniqueKeys: true` (the tests compare both).
  const found = [
    ...doc.errors.map((e) => ({ offset: e.pos[0], message: e.message.split('\n')[0] })),
    ...duplicateKeyOffsets(doc).map((offset) => ({ offset, message: 'Map keys must be unique' })),
  ].sort((a, b) => a.offset - b.offset);
  if (found.length > 0) return fail(found.map((e) => ({ section, message: `yaml: ${e.message}`, line: lc.linePos(e.offset).line })));
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }), errors: [], refused: false };
  } catch (err) {
    // Unresolved aliases and alias bombs throw from toJS: the author's mistakes, reported like syntax errors.
    return fail([{ section, message: `yaml: ${err instanceof Error ? err.message : String(err)}` }]);
  }
}

// Policy texts go to the engine as text (its messages for syntax errors); only the mapping size is checked
// here, because the engine's fallback parser scans keys quadratically.
function checkPolicyTextUncached(section: TFormSection, source: string): TSectionResult {
  const lc = new LineCounter();
  const docs = parseAllDocuments(source, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  for (const doc of Array.isArray(docs) ? docs : []) {
    const big = oversizedMapping(doc);
    if (big) return tooManyKeys(section, lc, big);
  }
  return { value: source, errors: [], refused: false };
}

/** Builds the scenario document a form describes (`composedText` gives the file content:check would read). */
export function composeScenario(form: TAuthorForm): TComposed {
  const sectionErrors: TSectionError[] = [];
  let refused = false;
  const take = (r: TSectionResult): unknown => {
    sectionErrors.push(...r.errors);
    refused ||= r.refused;
    return r.value;
  };
  const parseSection = (section: TFormSection, source: string) => (source.trim() === '' ? undefined : take(memoised(section, source, parseSectionUncached)));
  const policyText = (section: TFormSection, source: string) => (source.trim() === '' ? undefined : take(memoised(section, source, checkPolicyTextUncached)));
  const document: Record<string, unknown> = {
    slug: form.slug,
    title: form.title,
    kind: form.kind,
    difficulty: form.difficulty,
    timeMinutes: form.timeMinutes,
    topics: form.topics,
    namespace: form.namespace,
    task: form.task,
    cluster: parseSection('cluster', form.cluster),
    existingPolicies: policyText('existingPolicies', form.existingPolicies),
    starter: policyText('starter', form.starter),
    requirements: parseSection('requirements', form.requirements),
    ports: parseSection('ports', form.ports),
    expectations: parseSection('expectations', form.expectations),
    solution: policyText('solution', form.solution),
    explanation: form.explanation,
    hints: form.hints.filter((h) => h.trim() !== ''),
    denyAllIsAnswer: form.denyAllIsAnswer || undefined,
  };
  return { document, sectionErrors, refused };
}

/** The YAML file of a composed document, as content:check reads it. */
export function composedText(composed: TComposed): string {
  return stringifyScenarioDocument(composed.document);
}

function yamlOf(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}

/** The form showing a stored scenario. */
export function scenarioToForm(s: TScenario): TAuthorForm {
  return {
    slug: s.slug,
    title: s.title,
    kind: s.kind,
    difficulty: s.difficulty,
    timeMinutes: s.timeMinutes,
    topics: [...s.topics],
    namespace: s.namespace,
    denyAllIsAnswer: s.denyAllIsAnswer,
    task: s.task,
    explanation: s.explanation,
    hints: [...s.hints],
    cluster: yamlOf(s.cluster),
    existingPolicies: s.existingPolicies ?? '',
    starter: s.starter ?? '',
    solution: s.solution ?? '',
    expectations: yamlOf(s.expectations),
    requirements: s.requirements.length > 0 ? yamlOf(s.requirements) : '',
    ports: s.ports && s.ports.length > 0 ? yamlOf(s.ports) : '',
  };
}

const TOP_LEVEL_SECTION: Record<string, TFormSection> = {
  slug: 'metadata',
  title: 'metadata',
  kind: 'metadata',
  difficulty: 'metadata',
  timeMinutes: 'metadata',
  topics: 'metadata',
  namespace: 'metadata',
  denyAllIsAnswer: 'metadata',
  task: 'task',
  explanation: 'explanation',
  hints: 'hints',
  cluster: 'cluster',
  existingPolicies: 'existingPolicies',
  starter: 'starter',
  solution: 'solution',
  expectations: 'expectations',
  requirements: 'requirements',
  ports: 'ports',
};

const CHECK_SECTION: Partial<Record<Finding['check'], TFormSection>> = {
  cluster: 'cluster',
  'existing-policies': 'existingPolicies',
  endpoints: 'expectations',
  expectations: 'expectations',
  solution: 'solution',
  'canonical-wrong': 'expectations',
  starter: 'starter',
  predict: 'expectations',
  topics: 'metadata',
  mutation: 'expectations',
};

/** The form section a content:check finding belongs to (schema findings by their field path). */
export function sectionOfFinding(f: Pick<Finding, 'check' | 'message'>): TFormSection {
  if (f.check === 'schema') {
    const key = /^([A-Za-z]+)/.exec(f.message)?.[1] ?? '';
    return TOP_LEVEL_SECTION[key] ?? 'metadata';
  }
  if (f.check === 'endpoints' && f.message.startsWith('ports:')) return 'ports';
  return CHECK_SECTION[f.check] ?? 'metadata';
}

/** A small valid starting point for a new write scenario (one namespace, two pods, a default-deny solution). */
export function newScenarioForm(slug: string, title: string): TAuthorForm {
  return {
    slug,
    title,
    kind: 'write',
    difficulty: 1,
    timeMinutes: 5,
    topics: ['ingress'],
    namespace: 'shop',
    denyAllIsAnswer: false,
    task: 'Create a NetworkPolicy named `web-allow-frontend` in namespace `shop` that ...\n',
    explanation: 'Explain why the reference solution works.\n',
    hints: ['Which pods does the policy select?'],
    cluster: yamlOf({
      namespaces: [
        { name: 'shop', labels: { team: 'shop' } },
        { name: 'dev', labels: { team: 'dev' } },
      ],
      pods: [
        { namespace: 'shop', name: 'frontend', labels: { app: 'frontend' }, ip: '10.1.0.10', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] },
        { namespace: 'shop', name: 'web', labels: { app: 'web' }, ip: '10.1.0.11', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] },
        { namespace: 'shop', name: 'db', labels: { app: 'db' }, ip: '10.1.0.12', ports: [{ name: 'postgres', containerPort: 5432, protocol: 'TCP' }] },
        { namespace: 'dev', name: 'tester', labels: { app: 'tester' }, ip: '10.2.0.10', ports: [] },
      ],
    }),
    existingPolicies: '',
    starter: '',
    solution: ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: web-allow-frontend', '  namespace: shop', 'spec:', '  podSelector:', '    matchLabels:', '      app: web', '  policyTypes: [Ingress]', ''].join('\n'),
    expectations: yamlOf([{ from: 'shop/frontend', to: 'shop/web', port: 80, protocol: 'TCP', allowed: false, why: 'replace me' }]),
    requirements: '',
    ports: yamlOf([{ port: 80, protocol: 'TCP' }]),
  };
}
