import { checkScenario, type CheckResult, type Finding, type MutationReport } from '@/lib/scenarios/check';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';
import type { TScenario } from '@/lib/scenarios/schema';
import { composeScenario, sectionOfFinding, type TAuthorForm, type TFormSection, type TSectionError } from './author-form';
import { buildAuthorMatrix, type TAuthorMatrix } from './matrix';
import { survivorDiffs, type TSurvivorDiff } from './mutant-diffs';

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
  /** null while the scenario does not pass the schema. */
  matrix: TAuthorMatrix | { error: string } | null;
  /** The scenario as content:check reads it: the export, and what saving stores. */
  text: string;
  /** Milliseconds spent validating (server side). */
  ms: number;
};

/** A validation plus the parsed scenario (server-side only: the scenario holds the hidden parts). */
export type TValidated = { validation: TAuthorValidation; scenario: TScenario | null; check: CheckResult };

/** Runs `checkScenario` (the content:check implementation) on the form's scenario and adds the author's views. */
export function validateAuthorForm(form: TAuthorForm): TValidated {
  const t0 = performance.now();
  const composed = composeScenario(form);
  const parsed = parseScenarioYaml(composed.text);
  // The string path reports schema errors exactly as content:check does for a file that does not load.
  const check = parsed.content ? checkScenario(parsed.content) : checkScenario(composed.text, { fileSlug: form.slug });
  const scenario = parsed.content;
  const matrix = scenario ? buildAuthorMatrix(scenario) : null;
  const survivors = scenario && check.mutation ? survivorDiffs(scenario, check.mutation) : [];
  const validation: TAuthorValidation = {
    ok: check.ok && composed.sectionErrors.length === 0,
    sectionErrors: composed.sectionErrors,
    findings: check.findings.map((f) => ({ ...f, section: sectionOfFinding(f) })),
    mutation: check.mutation,
    survivors,
    matrix,
    text: composed.text,
    ms: 0,
  };
  validation.ms = Math.round((performance.now() - t0) * 10) / 10;
  return { validation, scenario, check };
}
