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
  it('applies an edited file at once (parsed again when its time or size changes), and reuses it otherwise', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-'));
    fs.mkdirSync(path.join(dir, 'drills'));
    const file = path.join(dir, 'drills', 'edit.yaml');
    fs.writeFileSync(file, 'slug: edit\ntitle: First\ndescription: d\nminutes: 5\nscenarios: [a]\n');
    const first = findDrill('edit', dir);
    expect(first?.title).toBe('First');
    expect(findDrill('edit', dir)).toBe(first); // unchanged file: the same parsed object
    // Same size, same second: only the modification time tells the edit apart.
    fs.writeFileSync(file, 'slug: edit\ntitle: Other\ndescription: d\nminutes: 5\nscenarios: [a]\n');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect(findDrill('edit', dir)?.title).toBe('Other');
    fs.writeFileSync(file, 'slug: edit\ntitle: Longer title\ndescription: d\nminutes: 5\nscenarios: [a]\n');
    fs.utimesSync(file, later, later); // same time, other size
    expect(findDrill('edit', dir)?.title).toBe('Longer title');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
