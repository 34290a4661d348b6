import { z } from 'zod';
import { TOPICS } from './topics';

// TOPICS lives in a zod-free module so client components can import it without bundling zod (whose eval probe
// the page CSP reports); re-exported here for the rest of the code.
export { TOPICS } from './topics';

/** One topic id. */
export const ZTopic = z.enum(TOPICS);
/** One topic id. */
export type TTopic = z.infer<typeof ZTopic>;

/** Protocols NetworkPolicy supports. */
export const ZProtocol = z.enum(['TCP', 'UDP', 'SCTP']);
/** One protocol. */
export type TProtocol = z.infer<typeof ZProtocol>;

/** A scenario or drill slug: lowercase kebab-case (the one pattern; URLs, APIs and content files use it). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ZSlug = z.string().regex(SLUG_PATTERN, { error: 'must be lowercase kebab-case (a-z, 0-9 and single dashes)' });
// Label values are strings in Kubernetes; YAML authors write `tier: 1` or `enabled: true`, which would
// silently become numbers/booleans, so reject them with a hint rather than coerce.
const ZLabels = z.record(z.string(), z.string({ error: 'label values must be strings (quote numbers and booleans)' }));
const ZPortNumber = z.number().int().min(1).max(65535);
const ZIp = z.string().regex(/^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-fA-F:]+:[0-9a-fA-F:.]*$/, { error: 'must be an IPv4 or IPv6 address' });

/** A container port of a model pod. */
export const ZContainerPort = z.strictObject({
  name: z.string().min(1).max(15).optional(),
  containerPort: ZPortNumber,
  protocol: ZProtocol.default('TCP'),
});

/** The cluster model (same shape as the engine's `Cluster`; namespace labels may be omitted). */
export const ZClusterModel = z.strictObject({
  namespaces: z
    .array(z.strictObject({ name: ZSlug, labels: ZLabels.default({}) }))
    .min(1, { error: 'a cluster needs at least one namespace' }),
  pods: z
    .array(
      z.strictObject({
        namespace: z.string().min(1),
        name: z.string().min(1),
        labels: ZLabels.default({}),
        ip: ZIp,
        ports: z.array(ZContainerPort).default([]),
      }),
    )
    .default([]),
  externals: z.array(z.strictObject({ name: z.string().min(1), ip: ZIp })).default([]),
});
/** The cluster model of a scenario. */
export type TClusterModel = z.infer<typeof ZClusterModel>;

/** A check on the submitted objects themselves (counts in the score like an expectation). */
export const ZRequirement = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('policy-exists'),
    name: z.string().min(1),
    namespace: z.string().min(1),
  }),
  z.strictObject({
    type: z.literal('namespace-only'),
    namespace: z.string().min(1),
  }),
]);
/** One requirement. */
export type TRequirement = z.infer<typeof ZRequirement>;

/** One hidden connectivity expectation: a probe and whether it must be allowed. */
export const ZExpectation = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  port: z.union([ZPortNumber, z.string().min(1)]),
  protocol: ZProtocol.default('TCP'),
  allowed: z.boolean(),
  why: z.string().min(1, { error: 'every expectation needs a one-line `why`' }),
});
/** One expectation. */
export type TExpectation = z.infer<typeof ZExpectation>;

/** A scenario file (content/scenarios/<slug>.yaml). */
export const ZScenario = z
  .strictObject({
    slug: ZSlug,
    title: z.string().min(1),
    kind: z.enum(['write', 'predict']),
    difficulty: z.number().int().min(1).max(3),
    timeMinutes: z.number().int().min(1).max(120),
    topics: z.array(ZTopic).min(1),
    namespace: z.string().min(1),
    task: z.string().min(1),
    cluster: ZClusterModel,
    existingPolicies: z.string().optional(),
    starter: z.string().optional(),
    requirements: z.array(ZRequirement).default([]),
    ports: z.array(z.strictObject({ port: z.union([ZPortNumber, z.string().min(1)]), protocol: ZProtocol.default('TCP') })).optional(),
    expectations: z.array(ZExpectation).min(1),
    solution: z.string().optional(),
    explanation: z.string().min(1),
    hints: z.array(z.string().min(1)).min(1).max(3),
    denyAllIsAnswer: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'write' && !s.solution) {
      ctx.addIssue({ code: 'custom', path: ['solution'], message: 'a `write` scenario needs a reference `solution`' });
    }
    if (s.kind === 'predict') {
      if (s.solution) ctx.addIssue({ code: 'custom', path: ['solution'], message: 'a `predict` scenario has no `solution` (the expectations are the answer)' });
      if (!s.existingPolicies) ctx.addIssue({ code: 'custom', path: ['existingPolicies'], message: 'a `predict` scenario needs `existingPolicies` to reason about' });
    }
    if (!s.cluster.namespaces.some((n) => n.name === s.namespace)) {
      ctx.addIssue({ code: 'custom', path: ['namespace'], message: `namespace \`${s.namespace}\` is not in cluster.namespaces` });
    }
    const seen = new Set<string>();
    s.expectations.forEach((e, i) => {
      const key = `${e.from}|${e.to}|${e.port}|${e.protocol}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['expectations', i], message: `duplicate expectation ${e.from} → ${e.to} :${e.port}/${e.protocol}` });
      seen.add(key);
    });
  });
/** A validated scenario with defaults filled in. */
export type TScenario = z.infer<typeof ZScenario>;

/** A drill file (content/drills/<slug>.yaml): a fixed list of scenarios or a selection rule. */
export const ZDrill = z
  .strictObject({
    slug: ZSlug,
    title: z.string().min(1),
    description: z.string().min(1),
    minutes: z.number().int().min(1).max(240),
    feedback: z.enum(['end', 'immediate']).default('end'),
    scenarios: z.array(ZSlug).min(1).optional(),
    rule: z
      .strictObject({
        count: z.number().int().min(1).max(50),
        topics: z.array(ZTopic).min(1).optional(),
        kinds: z.array(z.enum(['write', 'predict'])).min(1).optional(),
        maxDifficulty: z.number().int().min(1).max(3).optional(),
        minDifficulty: z.number().int().min(1).max(3).optional(),
      })
      .optional(),
  })
  .superRefine((d, ctx) => {
    if (!!d.scenarios === !!d.rule) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a drill needs exactly one of `scenarios` (a fixed list) or `rule`' });
    }
  });
/** A validated drill. */
export type TDrill = z.infer<typeof ZDrill>;

/** Turns one zod issue into an author-friendly sentence and the full path of the offending field. */
export function describeIssue(issue: z.core.$ZodIssue): { path: (string | number)[]; message: string } {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `\`${k}\``).join(', ');
      return { path: [...path, issue.keys[0]], message: `unknown field ${keys}${hintForKeys(issue.keys)}` };
    }
    case 'invalid_type':
      if (issue.input === undefined) return { path, message: `required field is missing (expected ${issue.expected})` };
      return { path, message: issue.message.startsWith('Invalid input') ? `expected ${issue.expected}, got ${typeOf(issue.input)}` : issue.message };
    case 'invalid_value':
      return { path, message: `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}, got \`${String(issue.input)}\`` };
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) return { path, message: `unknown \`${issue.discriminator}\` (see content/README.md for the allowed values)` };
      return { path, message: issue.message };
    default:
      return { path, message: issue.message };
  }
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} \`${String(v)}\``;
}

const knownTypos: Record<string, string> = {
  expectation: 'expectations',
  hint: 'hints',
  topic: 'topics',
  policies: 'existingPolicies',
  existing: 'existingPolicies',
  time: 'timeMinutes',
  minutes: 'timeMinutes',
  label: 'labels',
};

function hintForKeys(keys: string[]): string {
  const fix = knownTypos[keys[0]];
  return fix ? ` (did you mean \`${fix}\`?)` : '';
}

/** Formats a field path the way authors read it: `expectations[2].port`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}
