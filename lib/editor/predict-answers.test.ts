import { parse } from 'yaml';
import { answersToYaml, cellKey, yamlToAnswers } from './predict-answers';

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
