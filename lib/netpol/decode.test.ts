import { createFieldErrors } from './k8s-validation';
import { decode, NETWORK_POLICY } from './decode';

function run(value: unknown) {
  const errs = createFieldErrors(() => undefined);
  const out = decode(value, NETWORK_POLICY, '', errs);
  return { out, errs: errs.list.map((e) => e.message) };
}

describe('decode', () => {
  it('keeps known fields, drops unknown ones with a strict-validation error, treats null as absent', () => {
    const r = run({ kind: 'NetworkPolicy', metadata: { name: 'a', uid: { any: 1 } }, spec: { podSelector: null, ingres: [], policyTypes: ['Ingress', null] } });
    expect(r.out).toEqual({ kind: 'NetworkPolicy', metadata: { name: 'a', uid: { any: 1 } }, spec: { policyTypes: ['Ingress', ''] } });
    expect(r.errs).toEqual(['unknown field "spec.ingres"']);
  });

  it('reports wrong types with their path, nested in arrays too', () => {
    const r = run({ spec: { ingress: [{ ports: [{ port: 1.5 }, { port: 'http', endPort: 'x' }] }], policyTypes: 'Ingress' } });
    expect(r.errs).toEqual([
      'spec.ingress[0].ports[0].port: Invalid value: 1.5: must be an integer or a string',
      'spec.ingress[0].ports[1].endPort: Invalid value: "x": must be an integer',
      'spec.policyTypes: Invalid value: "Ingress": must be a list',
    ]);
  });

  it('reports keys named like Object.prototype members as unknown fields instead of failing', () => {
    const value = JSON.parse('{"spec": {"constructor": 1, "toString": "x", "__proto__": {}}}');
    expect(run(value).errs).toEqual(['unknown field "spec.constructor"', 'unknown field "spec.toString"', 'unknown field "spec.__proto__"']);
  });
});
