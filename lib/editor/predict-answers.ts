/** The predict kind's answer sheet ↔ its submission text (`answers: [{from, to, port, protocol, allowed}]`). */

/** A cell the learner answers (structurally `LearnerCell`). */
export type TCell = { from: string; to: string; port: number | string; protocol: string };

/** The learner's answers, keyed by cellKey(). */
export type TPredictAnswers = Record<string, boolean>;

/** Stable key of a predict cell. */
export function cellKey(c: TCell): string {
  return `${c.from}|${c.to}|${c.port}|${c.protocol}`;
}

function yamlScalar(v: string | number): string {
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/** The submission text for every answered cell, in the cells' order (JSON-quoted strings are valid YAML). */
export function answersToYaml(cells: TCell[], answers: TPredictAnswers): string {
  const lines = cells
    .filter((c) => answers[cellKey(c)] !== undefined)
    .map((c) => `  - { from: ${yamlScalar(c.from)}, to: ${yamlScalar(c.to)}, port: ${yamlScalar(c.port)}, protocol: ${c.protocol}, allowed: ${answers[cellKey(c)]} }`);
  return lines.length ? `answers:\n${lines.join('\n')}\n` : 'answers: []\n';
}

/** Reads answers back from text written by answersToYaml (a saved draft); lines for unknown cells are ignored. */
export function yamlToAnswers(cells: TCell[], text: string): TPredictAnswers {
  const out: TPredictAnswers = {};
  const keys = new Set(cells.map(cellKey));
  const re = /\{ from: ("(?:[^"\\]|\\.)*"), to: ("(?:[^"\\]|\\.)*"), port: ("(?:[^"\\]|\\.)*"|\d+), protocol: (TCP|UDP|SCTP), allowed: (true|false) \}/g;
  for (const m of text.matchAll(re)) {
    const port = m[3].startsWith('"') ? (JSON.parse(m[3]) as string) : Number(m[3]);
    const key = cellKey({ from: JSON.parse(m[1]) as string, to: JSON.parse(m[2]) as string, port, protocol: m[4] });
    if (keys.has(key)) out[key] = m[5] === 'true';
  }
  return out;
}

/** The next value of a cell when the learner cycles it: not answered → allowed → denied → not answered. */
export function cycleAnswer(value: boolean | undefined): boolean | undefined {
  return value === undefined ? true : value ? false : undefined;
}

/** A copy of the answers with one cell set (true/false) or cleared (undefined, so it is left out of the submission). */
export function withAnswer(answers: TPredictAnswers, key: string, value: boolean | undefined): TPredictAnswers {
  const next = { ...answers };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
