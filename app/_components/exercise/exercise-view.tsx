/**
 * The learner exercise view, shared by the exercise page, the author preview and the drill session: everything here
 * is rendered from a `LearnerScenario` (already redacted by `toLearnerScenario`), so none of these pages can show
 * more than a learner may see. Server component (it renders the author's Markdown on the server).
 */
import type { ReactNode } from 'react';
import type { LearnerScenario } from '@/lib/scenarios/learner-view';
import type { TScenario } from '@/lib/scenarios/schema';
import { renderMarkdown } from '@/lib/editor/markdown';
import { describeExisting } from '@/lib/editor/describe-existing';
import { ClusterTables } from './cluster-tables';
import { ExistingPolicies } from './existing-policies';
import { ExerciseWorkbench } from './exercise-workbench';
import type { TRevealedSolution, TWorkbenchProps } from './types';

/** Difficulty 1–3 as the word learners see (`easy`, `medium`, `hard`). */
export function difficultyLabel(difficulty: number): string {
  return ['', 'easy', 'medium', 'hard'][difficulty] ?? String(difficulty);
}

/** The answer once the reveal rules allow it: solution, explanation (Markdown rendered and sanitized) and every expectation with its why. */
export function toRevealedSolution(scenario: TScenario): TRevealedSolution {
  return {
    solution: scenario.solution ?? null,
    explanationHtml: renderMarkdown(scenario.explanation),
    expectations: scenario.expectations.map((e) => ({ from: e.from, to: e.to, port: e.port, protocol: e.protocol, allowed: e.allowed, why: e.why })),
  };
}

/** The learner scenario's fields the workbench needs (the props cross to the browser, so nothing more). */
export function toWorkbenchScenario(learner: LearnerScenario): TWorkbenchProps['scenario'] {
  return {
    slug: learner.slug,
    kind: learner.kind,
    namespace: learner.namespace,
    cluster: learner.cluster,
    starter: learner.starter,
    hints: learner.hints,
    hintsTotal: learner.hintsTotal,
    requirements: learner.requirements,
    matrixPorts: learner.matrixPorts,
    cells: learner.cells,
  };
}

/**
 * The brief: task text, the extra requirements the grader checks, the cluster tables and the policies already in
 * the cluster. `titled` adds the "Task" heading; a drill leaves it out (several briefs share its page, each under
 * its own title).
 */
export function ExerciseBrief({ learner, titled }: { learner: LearnerScenario; titled: boolean }) {
  const task = (
    <>
      <div className="prose-task" data-testid="task" dangerouslySetInnerHTML={{ __html: renderMarkdown(learner.task) }} />
      {learner.requirements.length > 0 && (
        <div className="mt-2 text-sm">
          <p className="font-semibold">Also checked:</p>
          <ul className="list-disc pl-5">
            {learner.requirements.map((r) => (
              <li key={r} dangerouslySetInnerHTML={{ __html: renderMarkdown(r).replace(/^<p>|<\/p>\n?$/g, '') }} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
  return (
    <>
      {titled ? (
        <section aria-labelledby="task-heading">
          <h2 id="task-heading" className="text-lg font-semibold">
            Task
          </h2>
          {task}
        </section>
      ) : (
        <div>{task}</div>
      )}
      <ClusterTables cluster={learner.cluster} />
      {learner.existingPolicies && (
        <ExistingPolicies
          yaml={learner.existingPolicies}
          policies={describeExisting(learner.existingPolicies, learner.namespace)}
          readOnlyNote={
            learner.kind === 'predict'
              ? 'These are the policies to reason about; they are read-only.'
              : 'Your answer is applied on top of these like kubectl apply: a policy with the same namespace and name replaces one of them, anything else adds.'
          }
        />
      )}
    </>
  );
}

/** What the exercise view needs besides the scenario: the page's own banner and notice, and the workbench state. */
export type TExerciseViewProps = {
  learner: LearnerScenario;
  /** The scenario version shown in the header (attempts are pinned to it). */
  version: number;
  /** Above the title: a breadcrumb, or the preview's note. */
  banner: ReactNode;
  /** Under the meta line (e.g. the sign-in prompt); optional. */
  notice?: ReactNode;
  /** The workbench props other than those derived from `learner`. */
  workbench: Omit<TWorkbenchProps, 'scenario' | 'timeMinutes'>;
};

/** The exercise layout: title and meta line, the brief on the left, the editor/predict workbench on the right. */
export function ExerciseView({ learner, version, banner, notice, workbench }: TExerciseViewProps) {
  return (
    <article className="space-y-6" aria-labelledby="scenario-title">
      {banner}
      <header className="space-y-1">
        <h1 id="scenario-title" className="text-2xl font-semibold">
          {learner.title}
        </h1>
        <p className="text-sm text-slate-600">
          {learner.kind === 'predict' ? 'Predict the connectivity' : 'Write NetworkPolicies'} · {difficultyLabel(learner.difficulty)} · about {learner.timeMinutes} min · namespace{' '}
          <code>{learner.namespace}</code> · topics: {learner.topics.join(', ')} · version {version}
          {workbench.passed && <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-900">solved</span>}
        </p>
        {notice}
      </header>

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 space-y-6">
          <ExerciseBrief learner={learner} titled />
        </div>
        <div className="min-w-0">
          <ExerciseWorkbench scenario={toWorkbenchScenario(learner)} timeMinutes={learner.timeMinutes} {...workbench} />
        </div>
      </div>
    </article>
  );
}
