import { diffLines } from './line-diff';

describe('diffLines', () => {
  it('marks kept, removed and added lines', () => {
    const ours = 'a\nb\nc\n';
    const theirs = 'a\nx\nc\n';
    expect(diffLines(ours, theirs)).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'add', text: 'x' },
      { op: 'same', text: 'c' },
    ]);
  });
  it('ignores trailing whitespace', () => {
    expect(diffLines('a  \nb', 'a\nb').every((l) => l.op === 'same')).toBe(true);
  });
  it('an empty answer is all additions', () => {
    expect(diffLines('  \n', 'x\ny')).toEqual([
      { op: 'add', text: 'x' },
      { op: 'add', text: 'y' },
    ]);
  });
  it('keeps the longest common subsequence', () => {
    const d = diffLines('p\nq\nr\ns', 'q\nr\ns\nt');
    expect(d.filter((l) => l.op === 'same').map((l) => l.text)).toEqual(['q', 'r', 's']);
  });
});
