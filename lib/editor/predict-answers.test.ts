import { parse } from 'yaml';
import { answersToYaml, cellKey, cycleAnswer, withAnswer, yamlToAnswers } from './predict-answers';

const cells = [
  { from: 'prod/web', to: 'prod/db', port: 5432, protocol: 'TCP' },
  { from: 'bank-api', to: 'prod/web', port: 'http', protocol: 'TCP' },
  { from: 'dev/tester', to: 'kube-system/coredns', port: 53, protocol: 'UDP' },
];

describe('predict answers', () => {
  it('writes valid YAML in the grader format for answered cells only', () => {
    const text = answersToYaml(cells, { [cellKey(cells[0])]: true, [cellKey(cells[1])]: false });
    expect(parse(text)).toEqual({
      answers: [
        { from: 'prod/web', to: 'prod/db', port: 5432, protocol: 'TCP', allowed: true },
        { from: 'bank-api', to: 'prod/web', port: 'http', protocol: 'TCP', allowed: false },
      ],
    });
  });
  it('writes an empty list when nothing is answered', () => {
    expect(parse(answersToYaml(cells, {}))).toEqual({ answers: [] });
  });
  it('round-trips', () => {
    const answers = { [cellKey(cells[1])]: true, [cellKey(cells[2])]: false };
    expect(yamlToAnswers(cells, answersToYaml(cells, answers))).toEqual(answers);
  });
  it('ignores answers for cells that are not asked', () => {
    const text = answersToYaml([{ from: 'x/y', to: 'x/z', port: 1, protocol: 'TCP' }], { 'x/y|x/z|1|TCP': true });
    expect(yamlToAnswers(cells, text)).toEqual({});
  });
});

describe('answer changes', () => {
  it('cycles not answered → allowed → denied → not answered', () => {
    expect(cycleAnswer(undefined)).toBe(true);
    expect(cycleAnswer(true)).toBe(false);
    expect(cycleAnswer(false)).toBeUndefined();
  });

  it('sets and clears one answer without touching the others or the input', () => {
    const before = { a: true, b: false };
    expect(withAnswer(before, 'c', false)).toEqual({ a: true, b: false, c: false });
    const cleared = withAnswer(before, 'a', undefined);
    expect(cleared).toEqual({ b: false });
    expect('a' in cleared).toBe(false);
    expect(before).toEqual({ a: true, b: false });
  });
});
