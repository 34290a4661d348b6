/**
 * The process-wide "database unreachable since T" flag of the outage gate and its probe.
 *
 * Why globalThis: `next start` loads proxy.ts (Node.js runtime, required in-process by next-server) and every
 * route's server bundle as separate module graphs, so a module-level variable would exist once per bundle.
 * globalThis is the one object they share. This module imports no Prisma: lib/db/client.ts registers the probe
 * here when it creates the process-wide client, so the proxy bundle never has to load the database client.
 */
import { nextOutageStep, OUTAGE_PROBE_INTERVAL_MS, OUTAGE_PROBE_WAIT_MS } from './outage-gate-core';

/** A probe: null when the database answered, else a short reason (no stack, no URL). */
export type TOutageProbe = () => Promise<string | null>;

/** The flag, the probe and its bookkeeping. */
export type TOutageState = {
  unreachableSince: number | null;
  reason: string | null;
  lastProbeAt: number;
  probing: Promise<void> | null;
  probe: TOutageProbe | null;
};

/** What the gate needs to answer: up, or down since when and why. */
export type TOutageStatus = { down: false } | { down: true; since: number; reason: string };

/** A fresh state (tests; the process-wide one comes from getOutageState). */
export function createOutageState(): TOutageState {
  return { unreachableSince: null, reason: null, lastProbeAt: 0, probing: null, probe: null };
}

const carrier = globalThis as unknown as { __netpolDbOutage?: TOutageState };

/** The process-wide state, shared by every bundle of the server through globalThis. */
export function getOutageState(): TOutageState {
  return (carrier.__netpolDbOutage ??= createOutageState());
}

/** Record a failure that means the database cannot be reached (keeps the start of an ongoing outage). */
export function markDatabaseUnreachable(reason: string, now = Date.now(), state = getOutageState()): void {
  if (state.unreachableSince === null) state.unreachableSince = now;
  state.reason = reason;
}

/** Record that the database answered: the outage, if any, is over. Called on every query; one comparison. */
export function markDatabaseReachable(state = getOutageState()): void {
  if (state.unreachableSince !== null) {
    state.unreachableSince = null;
    state.reason = null;
  }
}

/** Install the probe the gate runs while flagged (lib/db/client.ts does, with the process-wide client). */
export function registerDatabaseProbe(probe: TOutageProbe, state = getOutageState()): void {
  state.probe = probe;
}

async function runProbe(state: TOutageState, probe: TOutageProbe, now: number): Promise<void> {
  let reason: string | null;
  try {
    reason = await probe();
  } catch {
    // A probe should not throw; if it does, the database did not answer.
    reason = 'database unreachable';
  }
  if (reason === null) markDatabaseReachable(state);
  else markDatabaseUnreachable(reason, now, state);
}

/** Options of checkDatabaseOutage (tests pass a fake clock and their own state). */
export type TCheckOptions = { now?: number; state?: TOutageState; intervalMs?: number; waitMs?: number };

/**
 * Is the database down, as far as this process knows? Free while it is up (a flag read). While flagged,
 * runs at most one probe per interval; the caller that starts it waits for it up to `waitMs` (so the first
 * request after the database returns already gets its page), everyone else answers from the flag at once.
 */
export async function checkDatabaseOutage({ now = Date.now(), state = getOutageState(), intervalMs = OUTAGE_PROBE_INTERVAL_MS, waitMs = OUTAGE_PROBE_WAIT_MS }: TCheckOptions = {}): Promise<TOutageStatus> {
  const step = nextOutageStep({ unreachableSince: state.unreachableSince, lastProbeAt: state.lastProbeAt, probing: state.probing !== null, canProbe: state.probe !== null }, now, intervalMs);
  if (step === 'pass') return { down: false };
  if (step === 'probe' && state.probe) {
    state.lastProbeAt = now;
    const running = runProbe(state, state.probe, now).finally(() => {
      state.probing = null;
    });
    state.probing = running;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([running, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }
  return state.unreachableSince === null ? { down: false } : { down: true, since: state.unreachableSince, reason: state.reason ?? 'database unreachable' };
}
