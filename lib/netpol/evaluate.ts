import type { CompiledModel, Probe, Verdict } from './types';

/** Evaluates one probe, collecting every allowing rule and every miss reason. */
export function evaluate(model: CompiledModel, probe: Probe): Verdict {
  void model; void probe;
  throw new Error('not implemented');
}
