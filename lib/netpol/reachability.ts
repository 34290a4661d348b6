import type { CompiledModel, Matrix, MatrixJson, Protocol } from './types';

/** Computes the reachability matrix between endpoints on one port/protocol. */
export function reachability(model: CompiledModel, endpoints: string[], port: number | string, protocol: Protocol = 'TCP'): Matrix {
  void model; void endpoints; void port; void protocol;
  throw new Error('not implemented');
}

/** Renders a matrix as the upstream e2e truth-table grid ('.' allowed, 'X' denied). */
export function renderMatrix(m: Matrix): string {
  void m;
  throw new Error('not implemented');
}

/** JSON form of a matrix. */
export function matrixToJson(m: Matrix): MatrixJson {
  void m;
  throw new Error('not implemented');
}
