import { cursorContext, documentNamespace, keyAt, shapeLine } from './yaml-context';

/** Puts the cursor where `|` is and returns [text, offset]. */
function at(src: string): [string, number] {
  const offset = src.indexOf('|');
  return [src.slice(0, offset) + src.slice(offset + 1), offset];
}

describe('shapeLine', () => {
  it('splits a sequence item with a key', () => {
    expect(shapeLine('  - from:')).toMatchObject({ dashCol: 2, keyCol: 4, key: 'from', value: '' });
  });
  it('keeps the value and drops a trailing comment', () => {
    expect(shapeLine('    port: 80 # web')).toMatchObject({ keyCol: 4, key: 'port', value: '80' });
  });
  it('treats comments as blank', () => {
    expect(shapeLine('   # spec:').blank).toBe(true);
  });
});

describe('cursorContext', () => {
  it('top-level key', () => {
    const [t, o] = at('api|');
    expect(cursorContext(t, o)).toMatchObject({ path: [], mode: 'key', prefix: 'api', from: 0 });
  });

  it('key inside spec', () => {
    const [t, o] = at('kind: NetworkPolicy\nspec:\n  pod|');
    expect(cursorContext(t, o)).toMatchObject({ path: ['spec'], mode: 'key', prefix: 'pod' });
  });

  it('key of a new ingress rule (sequence item at the same indentation as its key)', () => {
    const [t, o] = at('spec:\n  ingress:\n  - fr|');
    expect(cursorContext(t, o)).toMatchObject({ path: ['spec', 'ingress', '[]'], mode: 'key', prefix: 'fr' });
  });

  it('sibling key in the same sequence item', () => {
    const [t, o] = at('spec:\n  ingress:\n  - from:\n    - podSelector: {}\n    po|');
    expect(cursorContext(t, o)).toMatchObject({ path: ['spec', 'ingress', '[]'], mode: 'key', siblings: ['from'] });
  });

  it('deep peer key', () => {
    const [t, o] = at('spec:\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels: {}\n          name|');
    expect(cursorContext(t, o)).toMatchObject({ path: ['spec', 'ingress', '[]', 'from', '[]'], mode: 'key', prefix: 'name', siblings: ['podSelector'] });
  });

  it('value of a key inside a port item', () => {
    const [t, o] = at('spec:\n  egress:\n  - ports:\n    - protocol: U|');
    expect(cursorContext(t, o)).toMatchObject({ path: ['spec', 'egress', '[]', 'ports', '[]', 'protocol'], mode: 'value', prefix: 'U' });
  });

  it('matchLabels value carries the label key as the last path segment', () => {
    const [t, o] = at('spec:\n  podSelector:\n    matchLabels:\n      app: w|');
    expect(cursorContext(t, o)).toMatchObject({ path: ['spec', 'podSelector', 'matchLabels', 'app'], mode: 'value', prefix: 'w' });
  });

  it('flow sequence value', () => {
    const [t, o] = at('spec:\n  policyTypes: [Ingress, Eg|');
    expect(cursorContext(t, o)).toMatchObject({ path: ['spec', 'policyTypes', '[]'], mode: 'value', prefix: 'Eg' });
  });

  it('flow map value', () => {
    const [t, o] = at('spec:\n  podSelector:\n    matchLabels: {app: w|');
    expect(cursorContext(t, o)).toMatchObject({ path: ['spec', 'podSelector', 'matchLabels', 'app'], mode: 'value', prefix: 'w', flowKey: 'app' });
  });

  it('scalar sequence item is reported as a key position under the array (the completer decides)', () => {
    const [t, o] = at('spec:\n  policyTypes:\n  - In|');
    expect(cursorContext(t, o)).toMatchObject({ path: ['spec', 'policyTypes', '[]'], mode: 'key', prefix: 'In' });
  });

  it('stops at a document separator', () => {
    const [t, o] = at('spec:\n  ingress: []\n---\nmeta|');
    expect(cursorContext(t, o)).toMatchObject({ path: [], mode: 'key' });
  });

  it('returns null inside a comment', () => {
    const [t, o] = at('# spe|');
    expect(cursorContext(t, o)).toBeNull();
  });
});

describe('keyAt', () => {
  it('finds the path of a hovered key', () => {
    const [t, o] = at('spec:\n  ingress:\n  - from:\n    - namespace|Selector: {}');
    expect(keyAt(t, o)?.path).toEqual(['spec', 'ingress', '[]', 'from', '[]', 'namespaceSelector']);
  });
  it('returns null on a line without a key', () => {
    const [t, o] = at('spec:\n  policyTypes:\n  - Ingr|ess');
    expect(keyAt(t, o)).toBeNull();
  });
});

describe('documentNamespace', () => {
  it('reads metadata.namespace of the document around the cursor', () => {
    const text = 'metadata:\n  namespace: dev\n---\nmetadata:\n  name: x\n  namespace: "prod"\nspec: {}\n';
    expect(documentNamespace(text, text.indexOf('spec'))).toBe('prod');
    expect(documentNamespace(text, 0)).toBe('dev');
  });
  it('is null when the document has none', () => {
    expect(documentNamespace('metadata:\n  name: x\n', 3)).toBeNull();
  });
});
