import { hoverAt } from './hover';

const text = 'spec:\n  policyTypes:\n  - Ingress\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n    ports:\n    - endPort: 90\n';

describe('hoverAt', () => {
  it('documents a field with its path', () => {
    const h = hoverAt(text, text.indexOf('ipBlock') + 2);
    expect(h).toMatchObject({ title: 'spec.ingress[].from[].ipBlock', kind: 'object' });
    expect(h?.doc).toMatch(/CIDR/);
    expect(text.slice(h!.from, h!.to)).toBe('ipBlock');
  });
  it('lists the allowed values of an enum array', () => {
    expect(hoverAt(text, text.indexOf('policyTypes') + 1)?.values).toEqual(['Ingress', 'Egress']);
  });
  it('documents the key when hovering its value', () => {
    expect(hoverAt(text, text.indexOf('10.0.0.0') + 2)?.title).toBe('spec.ingress[].from[].ipBlock.cidr');
  });
  it('knows endPort under ports', () => {
    expect(hoverAt(text, text.indexOf('endPort') + 1)?.doc).toMatch(/range/);
  });
  it('returns null for unknown fields', () => {
    expect(hoverAt('spec:\n  ingres: []\n', 9)).toBeNull();
  });
});
