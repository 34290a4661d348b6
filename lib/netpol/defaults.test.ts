import { defaultPolicySpec } from './defaults';

describe('defaultPolicySpec (pkg/apis/networking/v1/defaults.go)', () => {
  it('policyTypes absent: [Ingress]', () => {
    expect(defaultPolicySpec({ podSelector: {} }).policyTypes).toEqual(['Ingress']);
  });
  it('policyTypes absent with egress rules: [Ingress, Egress]', () => {
    expect(defaultPolicySpec({ podSelector: {}, egress: [{}] }).policyTypes).toEqual(['Ingress', 'Egress']);
  });
  it('`egress: []` is length 0: no Egress', () => {
    expect(defaultPolicySpec({ podSelector: {}, egress: [] }).policyTypes).toEqual(['Ingress']);
  });
  it('`policyTypes: []` is defaulted like an absent one', () => {
    const s = defaultPolicySpec({ podSelector: {}, policyTypes: [], egress: [{}] });
    expect(s.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(s.policyTypesDefaulted).toBe(true);
  });
  it('explicit policyTypes are kept as written', () => {
    const s = defaultPolicySpec({ podSelector: {}, policyTypes: ['Egress'], ingress: [{}] });
    expect(s.policyTypes).toEqual(['Egress']);
    expect(s.policyTypesDefaulted).toBeUndefined();
  });
  it('ports get protocol TCP in ingress and egress, explicit protocols stay', () => {
    const s = defaultPolicySpec({ ingress: [{ ports: [{ port: 80 }, { protocol: 'UDP', port: 53 }] }], egress: [{ ports: [{}] }] });
    expect(s.ingress?.[0].ports).toEqual([
      { protocol: 'TCP', port: 80 },
      { protocol: 'UDP', port: 53 },
    ]);
    expect(s.egress?.[0].ports).toEqual([{ protocol: 'TCP' }]);
  });
  it('absent podSelector is the empty selector (all pods of the namespace)', () => {
    expect(defaultPolicySpec({}).podSelector).toEqual({});
  });
});
