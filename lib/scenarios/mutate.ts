import { parseAllDocuments, stringify } from 'yaml';

/** One mutant of a reference solution: what changed and the mutated YAML. */
export type Mutant = { operator: MutationOperator; description: string; text: string };

/** The mutation operators of issue 4 item 4. */
export type MutationOperator =
  | 'drop-rule'
  | 'drop-peer'
  | 'split-and-peer'
  | 'merge-or-peers'
  | 'drop-policy-types'
  | 'change-port'
  | 'change-label-value'
  | 'change-namespace';

type Obj = Record<string, unknown>;
type Peer = { podSelector?: Obj; namespaceSelector?: Obj; ipBlock?: Obj };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Derives mutants from policy YAML: each is the whole text with exactly one change.
 * `namespaces` are the cluster's namespaces (for change-namespace); `portNames` the container port names.
 */
export function deriveMutants(text: string, opts: { namespaces: string[]; defaultNamespace: string; portNames: string[] }): Mutant[] {
  const docs: unknown[] = Array.from(parseAllDocuments(text), (d) => d.toJS());
  const policies = docs.map((d) => (isObj(d) ? d : null));
  const out: Mutant[] = [];
  const emit = (operator: MutationOperator, description: string, docIndex: number, change: (p: Obj) => void) => {
    const copy = policies.map((p) => (p ? structuredClone(p) : p));
    change(copy[docIndex] as Obj);
    const body = copy.filter((p): p is Obj => p !== null).map((p) => stringify(p)).join('---\n');
    out.push({ operator, description, text: body });
  };

  policies.forEach((policy, di) => {
    if (!policy || policy.kind !== 'NetworkPolicy' || !isObj(policy.spec)) return;
    const meta = isObj(policy.metadata) ? policy.metadata : {};
    const name = `${String(meta.namespace ?? opts.defaultNamespace)}/${String(meta.name ?? '?')}`;
    const spec = policy.spec;
    const at = (p: Obj) => p.spec as Obj;

    // drop-policy-types: the API server then defaults it from the rules present.
    if ('policyTypes' in spec) emit('drop-policy-types', `${name}: drop spec.policyTypes`, di, (p) => void delete at(p).policyTypes);

    // change-namespace: move the policy to another namespace of the cluster.
    const ns = String(meta.namespace ?? opts.defaultNamespace);
    const other = opts.namespaces.find((n) => n !== ns);
    if (other) emit('change-namespace', `${name}: move to namespace \`${other}\``, di, (p) => {
      if (!isObj(p.metadata)) p.metadata = {};
      (p.metadata as Obj).namespace = other;
    });

    // change-label-value on the policy's own podSelector.
    selectorMutations(spec.podSelector, 'spec.podSelector', name, di, (p) => at(p).podSelector as Obj, emit);

    for (const dir of ['ingress', 'egress'] as const) {
      const rules = spec[dir];
      if (!Array.isArray(rules)) continue;
      const peerKey = dir === 'ingress' ? 'from' : 'to';
      rules.forEach((rule, ri) => {
        const rpath = `spec.${dir}[${ri}]`;
        const ruleOf = (p: Obj) => (at(p)[dir] as Obj[])[ri];
        emit('drop-rule', `${name}: drop ${rpath}`, di, (p) => void (at(p)[dir] as unknown[]).splice(ri, 1));
        if (!isObj(rule)) return;
        const peers = rule[peerKey];
        if (Array.isArray(peers)) {
          peers.forEach((peer, pi) => {
            const ppath = `${rpath}.${peerKey}[${pi}]`;
            const peersOf = (p: Obj) => ruleOf(p)[peerKey] as Peer[];
            emit('drop-peer', `${name}: drop ${ppath}`, di, (p) => void peersOf(p).splice(pi, 1));
            if (!isObj(peer)) return;
            const pr = peer as Peer;
            if (pr.podSelector && pr.namespaceSelector) {
              emit('split-and-peer', `${name}: split ${ppath} into a namespaceSelector peer OR a podSelector peer`, di, (p) => {
                const list = peersOf(p);
                const orig = list[pi];
                list.splice(pi, 1, { namespaceSelector: orig.namespaceSelector }, { podSelector: orig.podSelector });
              });
            }
            // merge-or-peers: a podSelector-only peer and a namespaceSelector-only peer become one AND-peer.
            peers.forEach((q, qi) => {
              if (qi <= pi || !isObj(q)) return;
              const qq = q as Peer;
              const pod = onlyKey(pr, 'podSelector') ? pr : onlyKey(qq, 'podSelector') ? qq : null;
              const nsp = onlyKey(pr, 'namespaceSelector') ? pr : onlyKey(qq, 'namespaceSelector') ? qq : null;
              if (!pod || !nsp || pod === nsp) return;
              emit('merge-or-peers', `${name}: merge ${ppath} and ${rpath}.${peerKey}[${qi}] into one AND-peer`, di, (p) => {
                const list = peersOf(p);
                list.splice(qi, 1);
                list.splice(pi, 1, { namespaceSelector: nsp.namespaceSelector, podSelector: pod.podSelector });
              });
            });
            for (const sel of ['podSelector', 'namespaceSelector'] as const) {
              selectorMutations(pr[sel], `${ppath}.${sel}`, name, di, (p) => peersOf(p)[pi][sel] as Obj, emit);
            }
          });
        }
        const ports = rule.ports;
        if (Array.isArray(ports)) {
          ports.forEach((port, ki) => {
            if (!isObj(port) || port.port === undefined) return;
            const kpath = `${rpath}.ports[${ki}].port`;
            const changed = changePort(port.port, opts.portNames);
            if (changed === null) return;
            emit('change-port', `${name}: ${kpath} \`${String(port.port)}\` → \`${String(changed)}\``, di, (p) => {
              const target = (ruleOf(p).ports as Obj[])[ki];
              target.port = changed;
              // Keep an endPort range valid (endPort must be >= port) so the mutant is not just invalid.
              if (typeof changed === 'number' && typeof target.endPort === 'number' && target.endPort < changed) target.endPort = changed;
            });
          });
        }
      });
    }
  });
  return out;
}

function onlyKey(peer: Peer, key: keyof Peer): boolean {
  const keys = Object.keys(peer).filter((k) => peer[k as keyof Peer] !== undefined);
  return keys.length === 1 && keys[0] === key;
}

function changePort(port: unknown, names: string[]): number | string | null {
  if (typeof port === 'number') return port >= 65535 ? port - 1 : port + 1;
  if (typeof port === 'string') {
    if (/^\d+$/.test(port)) return Number(port) + 1;
    const other = names.find((n) => n !== port);
    return other ?? `${port.slice(0, 12)}-zz`;
  }
  return null;
}

function selectorMutations(
  selector: unknown,
  path: string,
  name: string,
  di: number,
  get: (p: Obj) => Obj,
  emit: (operator: MutationOperator, description: string, docIndex: number, change: (p: Obj) => void) => void,
): void {
  if (!isObj(selector)) return;
  const labels = selector.matchLabels;
  if (isObj(labels)) {
    for (const key of Object.keys(labels)) {
      const value = String(labels[key]);
      emit('change-label-value', `${name}: ${path}.matchLabels.${key} \`${value}\` → \`${value}-x\``, di, (p) => {
        (get(p).matchLabels as Obj)[key] = `${value}-x`;
      });
    }
  }
  const exprs = selector.matchExpressions;
  if (Array.isArray(exprs)) {
    exprs.forEach((expr, ei) => {
      if (!isObj(expr) || !Array.isArray(expr.values)) return;
      expr.values.forEach((v, vi) => {
        emit('change-label-value', `${name}: ${path}.matchExpressions[${ei}].values[${vi}] \`${String(v)}\` → \`${String(v)}-x\``, di, (p) => {
          ((get(p).matchExpressions as Obj[])[ei].values as unknown[])[vi] = `${String(v)}-x`;
        });
      });
    });
  }
}
