import { compileSelector, formatSelector, matchSelector } from './selectors';
import type { LabelSelector } from './types';

const match = (sel: LabelSelector, labels: Record<string, string>) => matchSelector(compileSelector(sel), labels);

describe('label selectors', () => {
  it('an empty or absent selector is decided once as "all"', () => {
    expect(compileSelector({})).toEqual({ kind: 'all' });
    expect(compileSelector(undefined)).toEqual({ kind: 'all' });
    expect(compileSelector({ matchLabels: {}, matchExpressions: [] })).toEqual({ kind: 'all' });
    expect(match({}, {})).toBe(true);
  });

  it('matchLabels requires every pair', () => {
    expect(match({ matchLabels: { a: '1', b: '2' } }, { a: '1', b: '2', c: '3' })).toBe(true);
    expect(match({ matchLabels: { a: '1', b: '2' } }, { a: '1' })).toBe(false);
    expect(match({ matchLabels: { a: '' } }, {})).toBe(false);
    expect(match({ matchLabels: { a: '' } }, { a: '' })).toBe(true);
  });

  it('operators', () => {
    const e = (operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist', values?: string[]) => ({ matchExpressions: [{ key: 'k', operator, values }] });
    expect(match(e('In', ['x', 'y']), { k: 'y' })).toBe(true);
    expect(match(e('In', ['x']), {})).toBe(false);
    expect(match(e('NotIn', ['x']), {})).toBe(true);
    expect(match(e('NotIn', ['x']), { k: 'x' })).toBe(false);
    expect(match(e('Exists'), { k: '' })).toBe(true);
    expect(match(e('Exists'), {})).toBe(false);
    expect(match(e('DoesNotExist'), {})).toBe(true);
    expect(match(e('DoesNotExist'), { k: 'v' })).toBe(false);
  });

  it('matchLabels AND matchExpressions', () => {
    const sel: LabelSelector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] };
    expect(match(sel, { app: 'web', env: 'dev' })).toBe(true);
    expect(match(sel, { app: 'web', env: 'prod' })).toBe(false);
    expect(match(sel, { app: 'api', env: 'dev' })).toBe(false);
  });

  it('labels named like Object.prototype members are just labels', () => {
    expect(match({ matchLabels: { constructor: 'x' } }, {})).toBe(false);
    expect(match({ matchExpressions: [{ key: 'toString', operator: 'Exists' }] }, {})).toBe(false);
  });

  it('formats like kubectl (metav1.FormatLabelSelector): sorted by key, <none> when empty', () => {
    expect(formatSelector({})).toBe('<none>');
    expect(formatSelector(undefined)).toBe('<none>');
    expect(
      formatSelector({
        matchLabels: { tier: 'web', app: 'shop' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'zone', operator: 'NotIn', values: ['b'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'b', operator: 'Exists' },
        ],
      }),
    ).toBe('app=shop,b,!canary,env in (dev,prod),tier=web,zone notin (b)');
  });
});
