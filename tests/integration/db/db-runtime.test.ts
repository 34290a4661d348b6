import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const runtime = require(path.join(ROOT, 'scripts/lib/db-runtime.js')) as {
  checkPostgresUserAccess(paths: string[]): void;
  embeddedUrl(port: number, database?: string): string;
  freePort(preferred?: number): Promise<number>;
};

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('scripts/lib/db-runtime', () => {
  it('explains how to fix a checkout the postgres user cannot enter (root only; others run Postgres as themselves)', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'netpol-perm-'));
    chmodSync(base, 0o755); // mkdtemp makes it 0700: only `locked` should block
    const locked = path.join(base, 'locked');
    mkdirSync(path.join(locked, 'checkout'), { recursive: true });
    chmodSync(locked, 0o700);
    try {
      const check = () => runtime.checkPostgresUserAccess([path.join(locked, 'checkout', '.data', 'postgres')]);
      if (isRoot) {
        expect(check).toThrow(`cannot enter ${locked} (mode 700)`);
        expect(check).toThrow(`chmod o+x ${locked}`);
      } else {
        expect(check).not.toThrow();
      }
      chmodSync(locked, 0o755);
      expect(check).not.toThrow();
    } finally {
      chmodSync(locked, 0o755);
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('builds local URLs and finds free ports', async () => {
    expect(runtime.embeddedUrl(5555)).toBe('postgresql://postgres:netpol-local@127.0.0.1:5555/netpol');
    const port = await runtime.freePort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
  });
});
