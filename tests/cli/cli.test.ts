/**
 * The `netpol` CLI, spawned as users and other tools run it (tsx, `npm run --silent netpol`, bin/netpol.js).
 * The `check` JSON contract is what graders outside the repo depend on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parsePolicies } from '@/lib/netpol';
import { describePolicies } from '@/lib/netpol/describe';
import { runCli } from '@/lib/netpol/cli/run';

const ROOT = path.resolve(__dirname, '../..');
const FIX = path.join(ROOT, 'tests/cli/fixtures');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const MAIN = path.join(ROOT, 'lib/netpol/cli/main.ts');
const f = (name: string) => path.join(FIX, name);

function netpol(args: string[], opts: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [TSX, MAIN, ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'netpol-cli-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const CHECK = ['check', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--probes', f('probes.yaml')];

describe('netpol check (contract)', () => {
  it('prints {"results": [...]} in probe order with exit 0', () => {
    const r = netpol([...CHECK, '--output', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['results']);
    expect(out.results.map((x: { from: string; to: string; port: unknown; protocol: string; allowed: boolean }) => [x.from, x.to, x.port, x.protocol, x.allowed])).toEqual([
      ['prod/web', 'prod/db', 5432, 'TCP', true],
      ['ops/mon', 'prod/db', 5432, 'TCP', false],
      ['prod/web', 'internet', 443, 'TCP', false],
      ['internet', 'prod/web', 'http', 'TCP', true],
      ['prod/db', 'prod/db', 5432, 'TCP', true],
    ]);
    for (const x of out.results) {
      expect(Object.keys(x)).toEqual(['from', 'to', 'port', 'protocol', 'allowed', 'reason']);
      expect(typeof x.reason).toBe('string');
      expect(x.reason).not.toContain('\n');
      expect(x.reason.length).toBeGreaterThan(0);
    }
  });

  it('prints only the JSON on stdout through `npm run --silent netpol`', () => {
    const r = spawnSync('npm', ['run', '--silent', 'netpol', '--', ...CHECK, '--output', 'json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().startsWith('{"results":')).toBe(true);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    // npm runs scripts in the package root; paths typed in a subdirectory stay relative to it.
    const sub = spawnSync('npm', ['run', '--silent', 'netpol', '--', 'check', '--cluster', 'cluster.yaml', '--policies', 'policies.yaml', '--probes', 'probes.yaml'], { cwd: FIX, encoding: 'utf8' });
    expect(sub.status).toBe(0);
    expect(JSON.parse(sub.stdout).results).toHaveLength(5);
  });

  it('works from another directory through bin/netpol.js', () => {
    const probes = tmp('q.json', JSON.stringify([{ from: 'ops/mon', to: 'prod/web', port: 80 }]));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/netpol.js'), 'check', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--probes', probes, '--output', 'json'], {
      cwd: tmpdir(),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results).toEqual([expect.objectContaining({ from: 'ops/mon', to: 'prod/web', port: 80, protocol: 'TCP', allowed: true })]);
  });

  it('exits 2 with every policy error located ({"errors": [{file, line, column, path, message}]})', () => {
    const r = netpol(['check', '--cluster', f('cluster.yaml'), '--policies', f('invalid-policies.yaml'), '--probes', f('probes.yaml'), '--output', 'json']);
    expect(r.code).toBe(2);
    const { errors } = JSON.parse(r.stdout);
    for (const e of errors) expect(Object.keys(e)).toEqual(['file', 'line', 'column', 'path', 'message']);
    const byPath = Object.fromEntries(errors.map((e: { path: string }) => [e.path, e]));
    expect(byPath['spec.ingres']).toMatchObject({ file: f('invalid-policies.yaml'), line: 7, column: 3, message: 'unknown field "spec.ingres"' });
    expect(byPath['metadata.name']).toMatchObject({ line: 4 });
    expect(byPath['spec.egress[0].ports[0].port']).toMatchObject({ line: 11, message: expect.stringContaining('must be between 1 and 65535, inclusive') });
  });

  it('exits 2 on bad probes and unknown endpoints, pointing at the probe line', () => {
    const bad = tmp('q.yaml', '- {from: prod/web, to: prod/db, port: 5432}\n- {from: prod/web, to: prod/db, port: 0, protocol: tcp}\n');
    const r1 = netpol(['check', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--probes', bad, '--output', 'json']);
    expect(r1.code).toBe(2);
    expect(JSON.parse(r1.stdout).errors.map((e: { path: string; line: number }) => [e.path, e.line])).toEqual([
      ['[1].port', 2],
      ['[1].protocol', 2],
    ]);
    const unknown = tmp('q.yaml', '- {from: prod/web, to: prod/db, port: 5432}\n- {from: prod/nope, to: prod/db, port: 5432}\n');
    const r2 = netpol(['check', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--probes', unknown, '--output', 'json']);
    expect(r2.code).toBe(2);
    expect(JSON.parse(r2.stdout).errors).toEqual([expect.objectContaining({ path: '[1].from', line: 2, message: expect.stringContaining('prod/nope') })]);
  });

  it('prints kubectl-style errors in text mode', () => {
    const r = netpol(['check', '--cluster', f('cluster.yaml'), '--policies', f('invalid-policies.yaml'), '--probes', f('probes.yaml'), '--output', 'text']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: ${f('invalid-policies.yaml')}:7:3: unknown field "spec.ingres"`);
  });
});

describe('netpol matrix, explain, lint, describe', () => {
  it('prints the grid and its JSON', () => {
    const r = netpol(['matrix', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--port', '5432']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(/\s+/));
    expect(rows[0].slice(1)).toEqual(['prod/web', 'prod/db', 'ops/mon']);
    expect(rows[2]).toEqual(['prod/db', '.', '.', '.']);
    expect(rows[3]).toEqual(['ops/mon', '.', 'X', '.']);
    const j = JSON.parse(runCli(['matrix', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--port', '5432', '--output', 'json'], (p) => readFileSync(p, 'utf8')).stdout);
    expect(j.allowed['ops/mon']['prod/db']).toBe(false);
    expect(j.allowed['prod/web']['prod/db']).toBe(true);
  });

  it('explains one verdict', () => {
    const r = netpol(['explain', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--from', 'ops/mon', '--to', 'prod/db', '--port', '5432']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/denied/i);
    expect(r.stdout).toContain('prod/db-from-web');
  });

  it('lints and describes', () => {
    const l = netpol(['lint', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--output', 'json']);
    expect(l.code).toBe(0);
    expect(JSON.parse(l.stdout).warnings.map((w: { code: string }) => w.code)).toEqual(['NP001-egress-without-dns']);
    const d = netpol(['describe', '--policies', f('policies.yaml'), '--name', 'db-from-web']);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^Name: {9}db-from-web\nNamespace: {4}prod\n/);
  });
});

describe('netpol describe --output json', () => {
  const DESCRIBE = ['describe', '--policies', f('policies.yaml')];

  it('prints {policies, warnings}: each policy`s selector, types and rules as data', () => {
    const r = netpol([...DESCRIBE, '--output', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['policies', 'warnings']);
    expect(out.warnings).toEqual([]);
    expect(out.policies.map((p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`)).toEqual(['prod/db-from-web', 'prod/web-egress']);
    const [db, web] = out.policies;
    expect(db).toEqual({
      name: 'db-from-web',
      namespace: 'prod',
      createdOn: null,
      labels: {},
      annotations: {},
      podSelector: { matchLabels: { app: 'db' }, matchExpressions: [], text: 'app=db' },
      policyTypes: ['Ingress'],
      policyTypesDefaulted: false,
      ingress: [{ ports: [{ protocol: 'TCP', port: 5432, endPort: null }], peers: [{ type: 'podSelector', podSelector: { matchLabels: { app: 'web' }, matchExpressions: [], text: 'app=web' } }] }],
      egress: null,
      source: { document: 0, line: 1 },
    });
    expect([web.ingress, web.egress[0].ports, web.egress[0].peers[0].type]).toEqual([null, [{ protocol: 'TCP', port: 'pg', endPort: null }], 'podSelector']);
  });

  it('adds the pods each policy selects when --cluster is given; -o json, --name and --created-on apply', () => {
    const r = netpol([...DESCRIBE, '--cluster', f('cluster.yaml'), '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).policies.map((p: { name: string; selectedPods: string[] }) => [p.name, p.selectedPods])).toEqual([
      ['db-from-web', ['prod/db']],
      ['web-egress', ['prod/web']],
    ]);
    const one = netpol([...DESCRIBE, '--name', 'web-egress', '--created-on', '2026-01-02T03:04:05Z', '--output=json']);
    const only = JSON.parse(one.stdout).policies;
    expect(only.map((p: { name: string; createdOn: string; selectedPods?: string[] }) => [p.name, p.createdOn, p.selectedPods])).toEqual([['web-egress', '2026-01-02T03:04:05Z', undefined]]);
  });

  it('keeps the text byte for byte (kubectl`s layout) and refuses --cluster there rather than ignore it', () => {
    const text = netpol(DESCRIBE);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(describePolicies(parsePolicies(readFileSync(f('policies.yaml'), 'utf8')).policies));
    expect(text.stdout).toContain('Name:         web-egress\nNamespace:    prod\n');
    const refused = netpol([...DESCRIBE, '--cluster', f('cluster.yaml')]);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toBe("error: --cluster: only with --output json (the text is kubectl's, which does not list selected pods)\n");
  });

  it('reports input errors of both files as JSON with exit 2; no match is an empty list', () => {
    const r = netpol(['describe', '--policies', f('invalid-policies.yaml'), '--cluster', f('nope.yaml'), '--output', 'json']);
    expect(r.code).toBe(2);
    const messages = JSON.parse(r.stdout).errors.map((e: { message: string }) => e.message);
    expect(messages).toContain('unknown field "spec.ingres"');
    expect(messages).toContain(`open ${f('nope.yaml')}: no such file or directory`);
    const none = netpol(['describe', '--policies', tmp('p.yaml', ''), '--output', 'json']);
    expect([none.code, JSON.parse(none.stdout)]).toEqual([0, { policies: [], warnings: [] }]);
  });
});

describe('runCli (in-process edge cases)', () => {
  const read = (p: string) => readFileSync(p, 'utf8');
  it('accepts JSON probes, an empty policy file and --namespace for policies without one', () => {
    const probes = tmp('q.json', JSON.stringify([{ from: 'ops/mon', to: 'prod/db', port: 5432 }]));
    const empty = tmp('p.yaml', '');
    expect(JSON.parse(runCli(['check', '--cluster', f('cluster.yaml'), '--policies', empty, '--probes', probes], read).stdout).results[0].allowed).toBe(true);
    const nsless = tmp('p.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n');
    expect(JSON.parse(runCli(['check', '--cluster', f('cluster.yaml'), '--policies', nsless, '--probes', probes, '--namespace', 'prod'], read).stdout).results[0].allowed).toBe(false);
    expect(JSON.parse(runCli(['check', '--cluster', f('cluster.yaml'), '--policies', nsless, '--probes', probes], read).stdout).results[0].allowed).toBe(true);
  });
  it('reports missing files and flags as input errors (exit 2)', () => {
    const r = runCli(['check', '--cluster', f('nope.yaml'), '--policies', f('policies.yaml')], read);
    expect(r.code).toBe(2);
    const errs = JSON.parse(r.stdout).errors.map((e: { message: string }) => e.message);
    expect(errs).toEqual([`open ${f('nope.yaml')}: no such file or directory`, 'required flag(s) "probes" not set']);
    expect(runCli(['matrix', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml')], read).code).toBe(2);
    expect(runCli(['nope'], read).code).toBe(2);
    expect(runCli([], read).code).toBe(2);
    expect(runCli(['--help'], read).code).toBe(0);
  });
  it('ignores extra probe fields, reads quoted port numbers, and flags a misspelt field', () => {
    const ok = tmp('q.json', JSON.stringify([{ from: 'ops/mon', to: 'prod/web', port: '80', expected: true }]));
    const r = runCli(['check', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--probes', ok], read);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ port: '80', protocol: 'TCP', allowed: true });
    const typo = tmp('q.json', JSON.stringify([{ from: 'ops/mon', to: 'prod/web', port: 80, protcol: 'UDP' }]));
    const t = runCli(['check', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--probes', typo], read);
    expect(t.code).toBe(2);
    expect(JSON.parse(t.stdout).errors[0]).toMatchObject({ path: '[0].protcol', line: 1 });
  });
  it('reads a cluster written as Kubernetes manifests', () => {
    const manifests = tmp(
      'c.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: w, image: nginx}]}\n',
    );
    const probes = tmp('q.yaml', '- {from: shop/web-0, to: shop/web-1, port: 80}\n');
    const r = runCli(['check', '--cluster', manifests, '--policies', tmp('p.yaml', ''), '--probes', probes], read);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0].allowed).toBe(true);
  });
  it('rejects an unknown matrix endpoint', () => {
    const r = runCli(['matrix', '--cluster', f('cluster.yaml'), '--policies', f('policies.yaml'), '--port', '80', '--endpoints', 'prod/web,prod/zzz', '--output', 'json'], read);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0].message).toContain('prod/zzz');
  });
});
