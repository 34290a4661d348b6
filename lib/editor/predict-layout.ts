/**
 * The predict answer sheet as 2-D connectivity tables (rows: sources, columns: destinations, one table per
 * port/protocol), and the keyboard moves between the asked cells of one table. Pure, so the answer grid and the
 * graded result grid lay out the same flows the same way.
 */
import type { GradeMatrix, MatrixCell } from '@/lib/scenarios/grade';
import { cellKey, type TCell } from './predict-answers';

/** One port/protocol's table: only the sources and destinations that are asked on it; `cells[row][col]` is null when not asked. */
export type TPredictTable<C extends TCell = TCell> = {
  /** `5432/TCP`: stable and unique among the tables of one layout. */
  id: string;
  port: number | string;
  protocol: string;
  rows: string[];
  cols: string[];
  cells: (C | null)[][];
  /** How many cells of this table are asked. */
  asked: number;
};

/** Every table of an answer sheet plus the distinct asked cells (duplicates dropped, first one kept). */
export type TPredictLayout<C extends TCell = TCell> = { tables: TPredictTable<C>[]; cells: C[] };

/** A position in a table (row and column indexes). */
export type TGridPos = { row: number; col: number };

/** A move of the keyboard focus inside one table. */
export type TGridMove = 'left' | 'right' | 'up' | 'down' | 'row-start' | 'row-end' | 'first' | 'last';

// Code-point comparison: localeCompare can differ between the server and the browser and break hydration.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Endpoint order of rows and columns: pods (`ns/pod`) by namespace then name, then external endpoints by name. */
export function compareEndpoints(a: string, b: string): number {
  const ia = a.indexOf('/');
  const ib = b.indexOf('/');
  if (ia < 0 || ib < 0) return ia < 0 && ib < 0 ? compareText(a, b) : ia < 0 ? 1 : -1;
  return compareText(a.slice(0, ia), b.slice(0, ib)) || compareText(a.slice(ia + 1), b.slice(ib + 1));
}

const PROTOCOL_ORDER: Record<string, number> = { TCP: 0, UDP: 1, SCTP: 2 };

/** Table order: numeric ports ascending, then named ports by name; on one port TCP, UDP, SCTP. */
export function comparePorts(a: { port: number | string; protocol: string }, b: { port: number | string; protocol: string }): number {
  const byPort =
    typeof a.port === 'number' && typeof b.port === 'number'
      ? a.port - b.port
      : typeof a.port === 'number'
        ? -1
        : typeof b.port === 'number'
          ? 1
          : compareText(a.port, b.port);
  return byPort || (PROTOCOL_ORDER[a.protocol] ?? 9) - (PROTOCOL_ORDER[b.protocol] ?? 9) || compareText(a.protocol, b.protocol);
}

/** Groups the asked cells into one table per port/protocol; the order depends only on the set of cells, not on their order. */
export function layoutPredict<C extends TCell>(cells: readonly C[]): TPredictLayout<C> {
  const seen = new Set<string>();
  const unique: C[] = [];
  for (const c of cells) {
    const k = cellKey(c);
    if (seen.has(k)) continue;
    seen.add(k);
    unique.push(c);
  }
  const byPort = new Map<string, C[]>();
  for (const c of unique) {
    const id = `${c.port}/${c.protocol}`;
    const list = byPort.get(id);
    if (list) list.push(c);
    else byPort.set(id, [c]);
  }
  const tables = [...byPort.entries()].map(([id, list]): TPredictTable<C> => {
    const rows = [...new Set(list.map((c) => c.from))].sort(compareEndpoints);
    const cols = [...new Set(list.map((c) => c.to))].sort(compareEndpoints);
    const cellsGrid: (C | null)[][] = rows.map(() => cols.map(() => null));
    for (const c of list) cellsGrid[rows.indexOf(c.from)][cols.indexOf(c.to)] = c;
    return { id, port: list[0].port, protocol: list[0].protocol, rows, cols, cells: cellsGrid, asked: list.length };
  });
  tables.sort(comparePorts);
  return { tables, cells: unique };
}

/** The asked positions of a table in reading order (row by row, left to right). */
export function askedPositions(table: Pick<TPredictTable, 'cells'>): TGridPos[] {
  const out: TGridPos[] = [];
  table.cells.forEach((row, r) => row.forEach((c, col) => c && out.push({ row: r, col })));
  return out;
}

/**
 * Where the focus goes from `pos` on a key (inert cells are skipped; at an edge it stays):
 * 1. left/right: the previous/next asked cell in reading order, so sparse tables never trap the focus on one row;
 * 2. up/down: the nearest row above/below that has an asked cell, at the asked column closest to the current one
 *    (the left one on a tie);
 * 3. row-start/row-end (Home/End): the first/last asked cell of the row; first/last (Ctrl+Home/End): of the table.
 */
export function moveInTable(table: Pick<TPredictTable, 'cells'>, pos: TGridPos, move: TGridMove): TGridPos {
  const all = askedPositions(table);
  if (all.length === 0) return pos;
  const at = all.findIndex((p) => p.row === pos.row && p.col === pos.col);
  switch (move) {
    case 'left':
      return at > 0 ? all[at - 1] : at < 0 ? all[0] : pos;
    case 'right':
      return at >= 0 && at < all.length - 1 ? all[at + 1] : at < 0 ? all[0] : pos;
    case 'up':
    case 'down': {
      const step = move === 'up' ? -1 : 1;
      for (let r = pos.row + step; r >= 0 && r < table.cells.length; r += step) {
        const inRow = all.filter((p) => p.row === r);
        if (inRow.length === 0) continue;
        return inRow.reduce((best, p) => (Math.abs(p.col - pos.col) < Math.abs(best.col - pos.col) ? p : best));
      }
      return pos;
    }
    case 'row-start':
    case 'row-end': {
      const inRow = all.filter((p) => p.row === pos.row);
      if (inRow.length === 0) return pos;
      return move === 'row-start' ? inRow[0] : inRow[inRow.length - 1];
    }
    case 'first':
      return all[0];
    case 'last':
      return all[all.length - 1];
    default: {
      const never: never = move;
      throw new Error(`unknown move ${String(never)}`);
    }
  }
}

/** The grid move of a key press, or null when the key is not a move (Ctrl+Home/End jump to the table's ends). */
export function keyToMove(key: string, ctrl: boolean): TGridMove | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'Home':
      return ctrl ? 'first' : 'row-start';
    case 'End':
      return ctrl ? 'last' : 'row-end';
    default:
      return null;
  }
}

/** A cell of a graded predict matrix, with its grade. */
export type TGradedCell = TCell & { graded: MatrixCell };

/** A graded flow of the result (a failed one, or any after the reveal); `actual` is the learner's answer. */
export type TGradedFlow = TCell & { expected: 'allowed' | 'denied'; actual: 'allowed' | 'denied' | 'unanswered' };

/**
 * The asked cells of a graded predict result, so the result grid can use the answer sheet's layout.
 * 1. From the matrix: a cell is asked when it carries an expectation or an answer (the grader sets `expected` on
 *    every asked cell, the redaction before the reveal drops it only from right answers, which keep their
 *    `actual`, and the answer sheet cannot answer a cell that is not asked).
 * 2. The matrix only has the scenario's `ports:`, so graded flows on other ports are added from `flows` (the
 *    failed ones before the reveal, all of them after it); right answers there stay unknown until the reveal.
 */
export function askedCellsOfResult(matrix: GradeMatrix, flows: readonly TGradedFlow[]): TGradedCell[] {
  const out: TGradedCell[] = [];
  for (const grid of matrix.grids) {
    grid.cells.forEach((row, i) =>
      row.forEach((graded, j) => {
        if (graded.expected !== undefined || graded.actual !== null) {
          out.push({ from: matrix.endpoints[i], to: matrix.endpoints[j], port: grid.port, protocol: grid.protocol, graded });
        }
      }),
    );
  }
  const seen = new Set(out.map(cellKey));
  for (const f of flows) {
    if (seen.has(cellKey(f))) continue;
    seen.add(cellKey(f));
    const actual = f.actual === 'unanswered' ? null : f.actual;
    out.push({ from: f.from, to: f.to, port: f.port, protocol: f.protocol, graded: { actual, expected: f.expected, mismatch: actual !== f.expected } });
  }
  return out;
}
