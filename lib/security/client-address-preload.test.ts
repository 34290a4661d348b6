/**
 * TRUST_PROXY_HOPS=0 (no proxy in front): client-address-preload.cjs replaces any X-Forwarded-For a client sent
 * with the socket's address before the server's handler runs, and lib/env.ts refuses 0 without the preload.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseEnv } from '@/lib/env';
import { clientAddress, isSocketAddressPreloaded } from './client-address';

const PRELOAD = path.join(__dirname, 'client-address-preload.cjs');
const FLAG = Symbol.for('netpol-lab.client-address-preload');

// A plain http server (what `next start` creates) that answers with the X-Forwarded-For its handler sees and
// whether the preload flag is set; the parent sends requests with and without a forged header.
const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  res.end(JSON.stringify({ xff: req.headers['x-forwarded-for'] ?? null, flag: globalThis[Symbol.for('netpol-lab.client-address-preload')] === true }));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
process.stdin.on('end', () => server.close());
process.stdin.resume();
`;

async function seenBy(hops: string | undefined, headers: Record<string, string>[]): Promise<{ xff: string | null; flag: boolean }[]> {
  const env = { ...process.env, NODE_OPTIONS: `--require=${PRELOAD}` } as NodeJS.ProcessEnv;
  if (hops === undefined) delete env.TRUST_PROXY_HOPS;
  else env.TRUST_PROXY_HOPS = hops;
  const child = spawn(process.execPath, ['-e', SERVER], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const out: { xff: string | null; flag: boolean }[] = [];
    for (const h of headers) out.push(await (await fetch(`http://127.0.0.1:${port}/`, { headers: h })).json());
    return out;
  } finally {
    child.stdin.end();
    await new Promise((resolve) => child.once('close', resolve));
  }
}

describe('client-address-preload.cjs', () => {
  it('with TRUST_PROXY_HOPS=0, the handler sees the socket address whatever the client sent', async () => {
    const seen = await seenBy('0', [{}, { 'x-forwarded-for': '6.6.6.6' }, { 'x-forwarded-for': '6.6.6.6, 7.7.7.7' }]);
    expect(seen).toEqual([
      { xff: '127.0.0.1', flag: true },
      { xff: '127.0.0.1', flag: true },
      { xff: '127.0.0.1', flag: true },
    ]);
    // What the rate limits then count.
    expect(clientAddress(new Headers({ 'x-forwarded-for': seen[1].xff! }), 0)).toBe('127.0.0.1');
  });

  it('with a proxy in front (TRUST_PROXY_HOPS unset or 1) it leaves the header to the proxy', async () => {
    expect(await seenBy('1', [{ 'x-forwarded-for': '198.51.100.7' }])).toEqual([{ xff: '198.51.100.7', flag: false }]);
    expect(await seenBy(undefined, [{ 'x-forwarded-for': '198.51.100.7' }, {}])).toEqual([
      { xff: '198.51.100.7', flag: false },
      { xff: null, flag: false },
    ]);
  });
});

describe('TRUST_PROXY_HOPS=0 in lib/env.ts', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[FLAG];
  });

  it('is refused without the preload (a forged header would be trusted), with the fix in the message', () => {
    expect(isSocketAddressPreloaded()).toBe(false);
    expect(() => parseEnv({ TRUST_PROXY_HOPS: '0' })).toThrow(/TRUST_PROXY_HOPS: 0 \(no proxy\) needs NODE_OPTIONS=--require=\.\/lib\/security\/client-address-preload\.cjs/);
    expect(parseEnv({ TRUST_PROXY_HOPS: '1' }).TRUST_PROXY_HOPS).toBe(1);
  });

  it('is accepted when the preload runs in the process', () => {
    (globalThis as Record<symbol, unknown>)[FLAG] = true;
    expect(isSocketAddressPreloaded()).toBe(true);
    expect(parseEnv({ TRUST_PROXY_HOPS: '0' }).TRUST_PROXY_HOPS).toBe(0);
  });
});
