import { checkDatabaseOutage, createOutageState, getOutageState, markDatabaseReachable, markDatabaseUnreachable, registerDatabaseProbe, type TOutageState } from './outage-gate-state';

/** A probe whose answers the test sets, counting calls; `hold` keeps it pending until released. */
function fakeProbe(state: TOutageState) {
  const probe = { calls: 0, answer: 'database unreachable' as string | null, release: null as null | (() => void), hold: false };
  registerDatabaseProbe(async () => {
    probe.calls++;
    if (probe.hold) await new Promise<void>((resolve) => (probe.release = resolve));
    return probe.answer;
  }, state);
  return probe;
}

describe('outage flag', () => {
  it('keeps the start of an outage and clears on success', () => {
    const state = createOutageState();
    markDatabaseUnreachable('database unreachable', 1_000, state);
    markDatabaseUnreachable('database refused the credentials', 2_000, state);
    expect(state).toMatchObject({ unreachableSince: 1_000, reason: 'database refused the credentials' });
    markDatabaseReachable(state);
    expect(state).toMatchObject({ unreachableSince: null, reason: null });
  });

  it('is one object per process, on globalThis (proxy and route bundles share it)', () => {
    expect(getOutageState()).toBe(getOutageState());
    expect((globalThis as { __netpolDbOutage?: unknown }).__netpolDbOutage).toBe(getOutageState());
  });
});

describe('checkDatabaseOutage', () => {
  it('is up without probing while not flagged', async () => {
    const state = createOutageState();
    const probe = fakeProbe(state);
    await expect(checkDatabaseOutage({ now: 5_000, state })).resolves.toEqual({ down: false });
    expect(probe.calls).toBe(0);
  });

  it('probes at most once per interval while flagged, and reports since/reason', async () => {
    const state = createOutageState();
    const probe = fakeProbe(state);
    markDatabaseUnreachable('database unreachable', 1_000, state);
    const down = { down: true, since: 1_000, reason: 'database unreachable' };
    await expect(checkDatabaseOutage({ now: 5_000, state })).resolves.toEqual(down);
    await expect(checkDatabaseOutage({ now: 5_400, state })).resolves.toEqual(down);
    await expect(checkDatabaseOutage({ now: 5_999, state })).resolves.toEqual(down);
    expect(probe.calls).toBe(1);
    await expect(checkDatabaseOutage({ now: 6_000, state })).resolves.toEqual(down);
    expect(probe.calls).toBe(2);
  });

  it('recovers on the request whose probe succeeds', async () => {
    const state = createOutageState();
    const probe = fakeProbe(state);
    markDatabaseUnreachable('database unreachable', 1_000, state);
    await checkDatabaseOutage({ now: 2_000, state });
    probe.answer = null;
    await expect(checkDatabaseOutage({ now: 3_000, state })).resolves.toEqual({ down: false });
    expect(state.unreachableSince).toBeNull();
    await expect(checkDatabaseOutage({ now: 3_001, state })).resolves.toEqual({ down: false });
    expect(probe.calls).toBe(2);
  });

  it('runs one probe for concurrent requests; the others answer from the flag at once', async () => {
    const state = createOutageState();
    const probe = fakeProbe(state);
    probe.hold = true;
    probe.answer = null;
    markDatabaseUnreachable('database unreachable', 1_000, state);
    const first = checkDatabaseOutage({ now: 2_000, state, waitMs: 60_000 });
    // Later than the interval but the first probe is still running: no second probe.
    await expect(checkDatabaseOutage({ now: 3_500, state })).resolves.toMatchObject({ down: true });
    expect(probe.calls).toBe(1);
    probe.release!();
    await expect(first).resolves.toEqual({ down: false });
    expect(state.probing).toBeNull();
  });

  it('waits for a slow probe only up to waitMs; its late answer still updates the flag', async () => {
    const state = createOutageState();
    const probe = fakeProbe(state);
    probe.hold = true;
    probe.answer = null;
    markDatabaseUnreachable('database unreachable', 1_000, state);
    const started = Date.now();
    await expect(checkDatabaseOutage({ now: 2_000, state, waitMs: 20 })).resolves.toMatchObject({ down: true });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(state.probing).not.toBeNull();
    probe.release!();
    await state.probing;
    expect(state.unreachableSince).toBeNull();
    await expect(checkDatabaseOutage({ now: 2_100, state })).resolves.toEqual({ down: false });
  });

  it('stays down with no probe registered, and treats a throwing probe as a failed one', async () => {
    const state = createOutageState();
    markDatabaseUnreachable('database unreachable', 1_000, state);
    await expect(checkDatabaseOutage({ now: 9_000, state })).resolves.toMatchObject({ down: true });
    registerDatabaseProbe(() => Promise.reject(new Error('boom')), state);
    await expect(checkDatabaseOutage({ now: 10_000, state })).resolves.toEqual({ down: true, since: 1_000, reason: 'database unreachable' });
    expect(state.probing).toBeNull();
  });

  it('updates the reason from the probe', async () => {
    const state = createOutageState();
    const probe = fakeProbe(state);
    markDatabaseUnreachable('database unreachable', 1_000, state);
    probe.answer = 'database refused the credentials';
    await expect(checkDatabaseOutage({ now: 2_000, state })).resolves.toEqual({ down: true, since: 1_000, reason: 'database refused the credentials' });
  });
});
