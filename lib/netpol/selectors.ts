import type { CompiledSelector, LabelSelector } from './types';

/** Compiles a label selector once into a tagged union. */
export function compileSelector(sel: LabelSelector | undefined): CompiledSelector {
  void sel;
  throw new Error('not implemented');
}

/** True when the labels satisfy the compiled selector (matchLabels AND matchExpressions). */
export function matchSelector(sel: CompiledSelector, labels: Record<string, string>): boolean {
  void sel; void labels;
  throw new Error('not implemented');
}

/** kubectl-style selector text: 'app=web,tier in (a,b),!x' ('<none>' handled by callers for `{}`). */
export function formatSelector(sel: LabelSelector | undefined): string {
  void sel;
  throw new Error('not implemented');
}
