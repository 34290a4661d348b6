import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findDrill, loadDrills } from './load-drills';

const ROOT = path.join(__dirname, '..', '..', 'content');

describe('loadDrills', () => {
  it('reads the drill files of the content folder', () => {
    const drills = loadDrills(ROOT);
    const files = fs.readdirSync(path.join(ROOT, 'drills')).filter((f) => f.endsWith('.yaml'));
    expect(drills.map((d) => `${d.slug}.yaml`)).toEqual(files.sort());
    expect(findDrill('warm-up', ROOT)?.scenarios).toEqual(['default-deny-ingress', 'allow-from-namespace']);
    expect(findDrill('nope', ROOT)).toBeNull();
  });
  it('skips invalid files and files whose slug differs from the name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-'));
    fs.mkdirSync(path.join(dir, 'drills'));
    fs.writeFileSync(path.join(dir, 'drills', 'good.yaml'), 'slug: good\ntitle: G\ndescription: d\nminutes: 5\nscenarios: [a]\n');
    fs.writeFileSync(path.join(dir, 'drills', 'other.yaml'), 'slug: not-other\ntitle: G\ndescription: d\nminutes: 5\nscenarios: [a]\n');
    fs.writeFileSync(path.join(dir, 'drills', 'bad.yaml'), 'slug: bad\ntitle: G\nminutes: 5\n');
    expect(loadDrills(dir).map((d) => d.slug)).toEqual(['good']);
    expect(loadDrills(path.join(dir, 'missing'))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
