import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { gradeSubmission } from '@/lib/scenarios/grade';
import { redactReport, toLearnerScenario } from '@/lib/scenarios/learner-view';
import { parseScenarioYaml } from '@/lib/scenarios/parse-scenario';
import { answersToYaml, cellKey, type TCell } from './predict-answers';
import { askedCellsOfResult, askedPositions, compareEndpoints, comparePorts, keyToMove, layoutPredict, moveInTable, type TGridMove, type TPredictTable } from './predict-layout';

const c = (from: string, to: string, port: number | string, protocol = 'TCP'): TCell => ({ from, to, port, protocol });

describe('layoutPredict', () => {
  it('makes one table per port/protocol with the asked sources as rows and destinations as columns', () => {
    const { tables } = layoutPredict([c('prod/web', 'prod/db', 5432), c('dev/app', 'prod/db', 5432), c('prod/web', 'prod/api', 80)]);
    expect(tables.map((t) => t.id)).toEqual(['80/TCP', '5432/TCP']);
    const db = tables[1];
    expect(db.rows).toEqual(['dev/app', 'prod/web']);
    expect(db.cols).toEqual(['prod/db']);
    expect(db.cells.map((r) => r.map((x) => x && cellKey(x)))).toEqual([['dev/app|prod/db|5432|TCP'], ['prod/web|prod/db|5432|TCP']]);
    expect(db.asked).toBe(2);
  });

  it('leaves cells that are not asked null', () => {
    const { tables } = layoutPredict([c('a/x', 'a/y', 80), c('a/y', 'a/x', 80)]);
    expect(tables[0].rows).toEqual(['a/x', 'a/y']);
    expect(tables[0].cols).toEqual(['a/x', 'a/y']);
    expect(tables[0].cells.map((r) => r.map((x) => (x ? `${x.from}>${x.to}` : null)))).toEqual([
      [null, 'a/x>a/y'],
      ['a/y>a/x', null],
    ]);
  });

  it('puts the same pods on two ports in two tables, and TCP/UDP on one port apart', () => {
    const { tables } = layoutPredict([c('ns/a', 'ns/b', 53, 'UDP'), c('ns/a', 'ns/b', 53, 'TCP'), c('ns/a', 'ns/b', 8080)]);
    expect(tables.map((t) => t.id)).toEqual(['53/TCP', '53/UDP', '8080/TCP']);
    for (const t of tables) {
      expect(t.rows).toEqual(['ns/a']);
      expect(t.cols).toEqual(['ns/b']);
      expect(t.cells[0][0]?.port).toBe(t.port);
      expect(t.cells[0][0]?.protocol).toBe(t.protocol);
    }
  });

  it('drops duplicate cells, keeping the first, and counts each flow once', () => {
    const first = { ...c('p/a', 'p/b', 80), note: 'first' };
    const second = { ...c('p/a', 'p/b', 80), note: 'second' };
    const layout = layoutPredict([first, c('p/b', 'p/a', 80), second]);
    expect(layout.cells).toHaveLength(2);
    expect(layout.tables).toHaveLength(1);
    expect(layout.tables[0].asked).toBe(2);
    expect(layout.tables[0].cells[0][1]).toBe(first);
  });

  it('orders pods by namespace then name, external endpoints last, and named ports after numbers', () => {
    expect(['prod/web', 'bank-api', 'a-b/x', 'a/z', 'office'].sort(compareEndpoints)).toEqual(['a/z', 'a-b/x', 'prod/web', 'bank-api', 'office']);
    const ports = [
      { port: 'http', protocol: 'TCP' },
      { port: 9090, protocol: 'TCP' },
      { port: 80, protocol: 'SCTP' },
      { port: 80, protocol: 'TCP' },
      { port: 'grpc', protocol: 'TCP' },
    ];
    expect([...ports].sort(comparePorts).map((p) => `${p.port}/${p.protocol}`)).toEqual(['80/TCP', '80/SCTP', '9090/TCP', 'grpc/TCP', 'http/TCP']);
  });

  it('gives the same tables whatever the order of the cells (property)', () => {
    const name = fc.constantFrom('a/x', 'a/y', 'b/x', 'ext', 'ab/x');
    const cell = fc.record({ from: name, to: name, port: fc.constantFrom<number | string>(80, 443, 'http'), protocol: fc.constantFrom('TCP', 'UDP') });
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 30 }).chain((cells) => fc.tuple(fc.constant(cells), fc.shuffledSubarray(cells, { minLength: cells.length, maxLength: cells.length }))),
        ([cells, shuffled]) => {
        const strip = (t: TPredictTable) => ({ ...t, cells: t.cells.map((r) => r.map((x) => x && cellKey(x))) });
        const a = layoutPredict(cells).tables.map(strip);
        const b = layoutPredict(shuffled).tables.map(strip);
        expect(b).toEqual(a);
        expect(a.reduce((n, t) => n + t.asked, 0)).toBe(new Set(cells.map(cellKey)).size);
        },
      ),
    );
  });
});

// rows x cols; '#' asked, '.' not asked
function table(...rows: string[]): Pick<TPredictTable, 'cells'> {
  return { cells: rows.map((r, i) => [...r].map((ch, j) => (ch === '#' ? c(`r/${i}`, `c/${j}`, 80) : null))) };
}

describe('moveInTable', () => {
  const t = table('.#.#', '....', '#..#', '..#.');

  it('lists asked positions in reading order', () => {
    expect(askedPositions(t)).toEqual([
      { row: 0, col: 1 },
      { row: 0, col: 3 },
      { row: 2, col: 0 },
      { row: 2, col: 3 },
      { row: 3, col: 2 },
    ]);
  });

  it('moves left and right in reading order across rows, skipping inert cells, and stops at the ends', () => {
    expect(moveInTable(t, { row: 0, col: 1 }, 'right')).toEqual({ row: 0, col: 3 });
    expect(moveInTable(t, { row: 0, col: 3 }, 'right')).toEqual({ row: 2, col: 0 });
    expect(moveInTable(t, { row: 2, col: 0 }, 'left')).toEqual({ row: 0, col: 3 });
    expect(moveInTable(t, { row: 0, col: 1 }, 'left')).toEqual({ row: 0, col: 1 });
    expect(moveInTable(t, { row: 3, col: 2 }, 'right')).toEqual({ row: 3, col: 2 });
  });

  it('moves up and down to the nearest row with an asked cell, at the closest column', () => {
    expect(moveInTable(t, { row: 0, col: 1 }, 'down')).toEqual({ row: 2, col: 0 });
    expect(moveInTable(t, { row: 0, col: 3 }, 'down')).toEqual({ row: 2, col: 3 });
    expect(moveInTable(t, { row: 2, col: 3 }, 'down')).toEqual({ row: 3, col: 2 });
    expect(moveInTable(t, { row: 3, col: 2 }, 'up')).toEqual({ row: 2, col: 3 });
    expect(moveInTable(t, { row: 2, col: 0 }, 'up')).toEqual({ row: 0, col: 1 });
    expect(moveInTable(t, { row: 0, col: 1 }, 'up')).toEqual({ row: 0, col: 1 });
    expect(moveInTable(t, { row: 3, col: 2 }, 'down')).toEqual({ row: 3, col: 2 });
  });

  it('prefers the left column on a tie', () => {
    expect(moveInTable(table('.#.', '#.#'), { row: 0, col: 1 }, 'down')).toEqual({ row: 1, col: 0 });
  });

  it('jumps to the row ends and the table ends', () => {
    expect(moveInTable(t, { row: 2, col: 3 }, 'row-start')).toEqual({ row: 2, col: 0 });
    expect(moveInTable(t, { row: 2, col: 0 }, 'row-end')).toEqual({ row: 2, col: 3 });
    expect(moveInTable(t, { row: 2, col: 0 }, 'first')).toEqual({ row: 0, col: 1 });
    expect(moveInTable(t, { row: 0, col: 1 }, 'last')).toEqual({ row: 3, col: 2 });
  });

  it('never leaves the asked cells (property)', () => {
    const moves = fc.constantFrom<TGridMove>('left', 'right', 'up', 'down', 'row-start', 'row-end', 'first', 'last');
    const grid = fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(grid, fc.array(moves, { maxLength: 20 }), (bits, seq) => {
        const tb = table(...bits.map((r) => r.map((b) => (b ? '#' : '.')).join('')));
        const asked = askedPositions(tb);
        fc.pre(asked.length > 0);
        let pos = asked[0];
        for (const m of seq) {
          pos = moveInTable(tb, pos, m);
          expect(tb.cells[pos.row][pos.col]).not.toBeNull();
        }
      }),
    );
  });

  it('maps keys to moves', () => {
    expect(keyToMove('ArrowDown', false)).toBe('down');
    expect(keyToMove('Home', false)).toBe('row-start');
    expect(keyToMove('Home', true)).toBe('first');
    expect(keyToMove('End', true)).toBe('last');
    expect(keyToMove('a', false)).toBeNull();
  });
});

describe('askedCellsOfResult', () => {
  const dir = path.join(__dirname, '../../content/scenarios');
  const predicts = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parseScenarioYaml(readFileSync(path.join(dir, f), 'utf8')).content!)
    .filter((s) => s.kind === 'predict');

  it('finds predict scenarios in the content, some with matrix ports that leave flows out', () => {
    expect(predicts.length).toBeGreaterThanOrEqual(5);
    expect(predicts.some((s) => s.expectations.some((e) => s.ports && !s.ports.some((p) => p.port === e.port && p.protocol === e.protocol)))).toBe(true);
  });

  // Every other cell answered "allowed" (some right, some wrong), the rest unanswered.
  function graded(scenario: (typeof predicts)[number], revealed: boolean) {
    const { cells } = toLearnerScenario(scenario, { hintsUnlocked: 0 });
    const answers = Object.fromEntries(cells.filter((_, i) => i % 2 === 0).map((c) => [cellKey(c), true]));
    const report = redactReport(gradeSubmission(scenario, answersToYaml(cells, answers)), { revealed });
    return { cells, answers, report, asked: askedCellsOfResult(report.matrix!, report.expectations) };
  }

  it('after the reveal gives back exactly the asked cells of every predict scenario, laid out like the answer sheet', () => {
    for (const scenario of predicts) {
      const { cells, answers, report, asked } = graded(scenario, true);
      expect({ slug: scenario.slug, keys: asked.map(cellKey).sort() }).toEqual({ slug: scenario.slug, keys: [...new Set(cells.map(cellKey))].sort() });
      for (const a of asked) {
        expect(a.graded.actual).toBe(answers[cellKey(a)] === undefined ? null : 'allowed');
        const truth = report.expectations.find((e) => cellKey(e) === cellKey(a))!.expected;
        expect(a.graded.expected).toBe(truth);
        expect(a.graded.mismatch).toBe(a.graded.actual !== truth);
      }
      const ids = (t: ReturnType<typeof layoutPredict>) => t.tables.map((x) => [x.id, x.rows, x.cols]);
      expect(ids(layoutPredict(asked))).toEqual(ids(layoutPredict(cells)));
    }
  });

  it('before the reveal has every wrong or unanswered cell with its truth, and right ones only as answers', () => {
    for (const scenario of predicts) {
      const { cells, answers, report, asked } = graded(scenario, false);
      const keys = new Set(cells.map(cellKey));
      for (const a of asked) expect(keys.has(cellKey(a))).toBe(true);
      const failed = report.expectations;
      expect(failed.every((e) => !e.passed)).toBe(true);
      for (const f of failed) expect(asked.find((a) => cellKey(a) === cellKey(f))?.graded).toMatchObject({ expected: f.expected, mismatch: true });
      for (const a of asked.filter((x) => !failed.some((f) => cellKey(f) === cellKey(x)))) {
        expect(a.graded).toEqual({ actual: answers[cellKey(a)] ? 'allowed' : null });
        expect(a.graded.actual).toBe('allowed');
      }
    }
  });
});
