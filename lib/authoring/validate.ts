import { checkScenario, type CheckResult, type Finding, type MutationReport } from '@/lib/scenarios/check';
import { canonicalJson } from '@/lib/scenarios/load-content';
import { gradeSubmission, type LintFinding } from '@/lib/scenarios/grade';
import { ZScenario, type TScenario } from '@/lib/scenarios/schema';
import { composeScenario, composedText, sectionOfFinding, type TAuthorForm, type TFormSection, type TSectionError } from './author-form';
import { buildAuthorMatrix, type TAuthorMatrix } from './matrix';
import { survivorDiffs, type TSurvivorDiff } from './mutant-diffs';
import { sectionSizeErrors } from './section-limits';
import { MARKDOWN_TOO_DEEP, markdownTooDeep } from '@/lib/editor/markdown-limits';

/** A content:check finding placed on the editor section it is about. */
export type TAuthorFinding = Finding & { section: TFormSection };

/** Everything the editor shows after a keystroke pause: the content:check verdict, the matrix and the survivors' diffs. */
export type TAuthorValidation = {
  /** True when content:check would pass this scenario (it may then be published). */
  ok: boolean;
  sectionErrors: TSectionError[];
  findings: TAuthorFinding[];
  mutation: MutationReport | null;
  survivors: TSurvivorDiff[];
  /** Lint of the reference solution (write) with lines in the solution editor; advice, not counted by content:check. */
  referenceLint: LintFinding[];
  /** null while the scenario does not pass the schema. */
  matrix: TAuthorMatrix | { error: string } | null;
  /** Milliseconds spent validating (server side). */
  ms: number;
  /** True when the check result came from the cache (only prose or metadata the checks ignore changed). */
  cached: boolean;
};

/** A validation plus the parsed scenario (server-side only: the scenario holds the hidden parts). */
export type TValidated = { validation: TAuthorValidation; scenario: TScenario | null; check: CheckResult };

/** Size limits of the live check: the mutation analysis grows with pods² × mutants, and one request must stay short. */
export const AUTHOR_LIMITS = { pods: 200, expectations: 400, solutionLines: 2000 } as const;

function limitErrors(s: TScenario): TSectionError[] {
  const out: TSectionError[] = [];
  if (s.cluster.pods.length > AUTHOR_LIMITS.pods) out.push({ section: 'cluster', message: `${s.cluster.pods.length} pods: the live check handles up to ${AUTHOR_LIMITS.pods}` });
  if (s.expectations.length > AUTHOR_LIMITS.expectations) out.push({ section: 'expectations', message: `${s.expectations.length} expectations: the live check handles up to ${AUTHOR_LIMITS.expectations}` });
  if ((s.solution ?? '').split('\n').length > AUTHOR_LIMITS.solutionLines) out.push({ section: 'solution', message: `the reference solution is longer than ${AUTHOR_LIMITS.solutionLines} lines` });
  return out;
}

/**
 * Markdown texts nested deeper than the renderer takes (lib/editor/markdown-limits.ts): renderMarkdown shows
 * them as plain text, so the author is told where.
 */
function markdownErrors(form: TAuthorForm): TSectionError[] {
  const out: TSectionError[] = [];
  for (const section of ['task', 'explanation'] as const) {
    const deep = markdownTooDeep(form[section]);
    if (deep) out.push({ section, message: MARKDOWN_TOO_DEEP, line: deep.line });
  }
  form.hints.forEach((hint, i) => {
    const deep = markdownTooDeep(hint);
    if (deep) out.push({ section: 'hints', message: `hint ${i + 1}: ${MARKDOWN_TOO_DEEP}`, line: deep.line });
  });
  return out;
}

// Fields checkScenario never reads: typing in them must not rerun the mutation analysis.
const PROSE_FIELDS = ['title', 'task', 'explanation', 'hints', 'difficulty', 'timeMinutes'] as const;

type TCached = { check: CheckResult; matrix: TAuthorMatrix | { error: string }; survivors: TSurvivorDiff[]; referenceLint: LintFinding[] };
const CACHE_SIZE = 64;
// Keyed by the canonical JSON of everything the checks read; a Map keeps insertion order for LRU eviction.
const cache = new Map<string, TCached>();

function checkKey(s: TScenario): string {
  const rest: Record<string, unknown> = { ...s };
  for (const k of PROSE_FIELDS) delete rest[k];
  return canonicalJson(rest);
}

function remember(key: string, value: TCached): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

/**
 * Runs `checkScenario` (the content:check implementation) on the form's scenario and adds the author's views.
 * A document that fails the schema goes through the YAML text exactly as content:check reads a file, so the
 * schema messages are the CLI's; a valid one is checked as the object content:check's loader would produce.
 */
export function validateAuthorForm(form: TAuthorForm): TValidated {
  const t0 = performance.now();
  // The request schema already refuses oversized sections; callers that skip it get the same answer, unparsed.
  const oversized = sectionSizeErrors(form);
  if (oversized.length > 0) return { validation: refusedValidation(oversized, t0), scenario: null, check: refusedCheck(form) };
  const composed = composeScenario(form);
  const prose = markdownErrors(form);
  if (composed.refused) return { validation: refusedValidation([...composed.sectionErrors, ...prose], t0), scenario: null, check: refusedCheck(form) };
  const parsed = ZScenario.safeParse(composed.document);
  let scenario: TScenario | null = null;
  let check: CheckResult;
  let matrix: TAuthorMatrix | { error: string } | null = null;
  let survivors: TSurvivorDiff[] = [];
  let referenceLint: LintFinding[] = [];
  let cached = false;
  const tooBig = parsed.success ? limitErrors(parsed.data) : [];
  if (tooBig.length > 0) return { validation: refusedValidation([...composed.sectionErrors, ...prose, ...tooBig], t0), scenario: parsed.data ?? null, check: refusedCheck(form) };
  if (!parsed.success) {
    check = checkScenario(composedText(composed), { fileSlug: form.slug });
  } else {
    scenario = parsed.data;
    const key = checkKey(scenario);
    const hit = cache.get(key);
    if (hit) {
      cached = true;
      remember(key, hit);
      ({ check, matrix, survivors, referenceLint } = hit);
    } else {
      check = checkScenario(scenario);
      matrix = buildAuthorMatrix(scenario);
      survivors = check.mutation ? survivorDiffs(scenario, check.mutation) : [];
      referenceLint = referenceLintOf(scenario);
      remember(key, { check, matrix, survivors, referenceLint });
    }
  }
  const sectionErrors = [...composed.sectionErrors, ...prose];
  const validation: TAuthorValidation = {
    ok: check.ok && sectionErrors.length === 0,
    sectionErrors,
    findings: check.findings.map((f) => ({ ...f, section: sectionOfFinding(f) })),
    mutation: check.mutation,
    survivors,
    referenceLint,
    matrix,
    ms: 0,
    cached,
  };
  validation.ms = Math.round((performance.now() - t0) * 10) / 10;
  return { validation, scenario, check };
}

// A form refused before the checks ran: only its section errors.
function refusedValidation(sectionErrors: TSectionError[], t0: number): TAuthorValidation {
  return { ok: false, sectionErrors, findings: [], mutation: null, survivors: [], referenceLint: [], matrix: null, ms: Math.round((performance.now() - t0) * 10) / 10, cached: false };
}

function refusedCheck(form: TAuthorForm): CheckResult {
  return { slug: form.slug, kind: form.kind, expectations: 0, findings: [], mutation: null, ok: false };
}

// The grader lints what it grades; a broken scenario (ScenarioError) already shows up in the check's findings.
function referenceLintOf(scenario: TScenario): LintFinding[] {
  if (scenario.kind !== 'write' || !scenario.solution) return [];
  try {
    return gradeSubmission(scenario, scenario.solution).lint;
  } catch {
    return [];
  }
}
