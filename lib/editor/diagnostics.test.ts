import { lineSpan, toEditorDiagnostics } from './diagnostics';

const text = 'kind: NetworkPolicy\nspec:\n  ingress:\n  - ports:\n    - port: 70000\n';

describe('toEditorDiagnostics', () => {
  it('underlines the token at line/column', () => {
    const [d] = toEditorDiagnostics(
      [{ severity: 'error', message: 'spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive', path: 'spec.ingress[0].ports[0].port', line: 5, column: 13 }],
      text,
    );
    expect(text.slice(d.from, d.to)).toBe('70000');
    expect(d.severity).toBe('error');
    expect(d.message).toMatch(/^spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value/);
  });
  it('prefixes the path when the message lacks it, and keeps the lint code as source', () => {
    const [d] = toEditorDiagnostics([{ severity: 'warning', message: 'egress without dns', path: 'spec.egress', line: 3, code: 'NP001-egress-without-dns' }], text);
    expect(d.message).toBe('spec.egress: egress without dns');
    expect(d.source).toBe('NP001-egress-without-dns');
    expect(text.slice(d.from, d.to)).toBe('ingress:');
  });
  it('puts a diagnostic without a line on line 1', () => {
    const [d] = toEditorDiagnostics([{ severity: 'error', message: 'no documents', path: '' }], text);
    expect(d.from).toBe(0);
    expect(text.slice(d.from, d.to)).toBe('kind: NetworkPolicy');
  });
  it('clamps lines past the end and keeps a non-empty range on an empty text', () => {
    const [d] = toEditorDiagnostics([{ severity: 'error', message: 'x', path: '', line: 99 }], '');
    expect(d).toMatchObject({ from: 0, to: 0 });
    const [e] = toEditorDiagnostics([{ severity: 'error', message: 'x', path: '', line: 99 }], text);
    expect(e.to).toBeLessThanOrEqual(text.length);
    expect(e.from).toBeLessThan(e.to);
  });
  it('drops exact duplicates and sorts by position', () => {
    const d = { severity: 'warning' as const, message: 'dup', path: '', line: 2 };
    const out = toEditorDiagnostics([{ severity: 'error', message: 'late', path: '', line: 4 }, d, d], text);
    expect(out.map((x) => x.message)).toEqual(['dup', 'late']);
  });
});

describe('lineSpan', () => {
  it('spans a line without its newline', () => {
    const s = lineSpan(text, 2)!;
    expect(text.slice(s.from, s.to)).toBe('spec:');
  });
  it('rejects out-of-range lines', () => {
    expect(lineSpan(text, 0)).toBeNull();
    expect(lineSpan(text, 100)).toBeNull();
  });
});
