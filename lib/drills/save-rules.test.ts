import { closedMessage, closedReason, effectiveSavedAt, isAnswered, isNewerSave, remainingSeconds } from './save-rules';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s));

describe('closedReason', () => {
  it('is open before the deadline, closed at and after it, and closed once finished', () => {
    expect(closedReason({ deadline: t(60), finishedAt: null }, t(59))).toBeNull();
    expect(closedReason({ deadline: t(60), finishedAt: null }, t(60))).toBe('deadline');
    expect(closedReason({ deadline: t(60), finishedAt: t(30) }, t(40))).toBe('finished');
    expect(closedMessage('deadline', t(60))).toMatch(/^time is up: the drill ended at 2026-01-01T10:01:00.000Z/);
    expect(closedMessage('finished', t(60))).toMatch(/finished/);
  });
});

describe('newest save wins', () => {
  it('uses the client time clamped to [startedAt, now]', () => {
    expect(effectiveSavedAt(t(10), t(20), t(0))).toEqual(t(10));
    expect(effectiveSavedAt(t(99), t(20), t(0))).toEqual(t(20));
    expect(effectiveSavedAt(t(-50), t(20), t(0))).toEqual(t(0));
    expect(effectiveSavedAt(undefined, t(20), t(0))).toEqual(t(20));
    expect(effectiveSavedAt(new Date('nope'), t(20), t(0))).toEqual(t(20));
  });
  it('replaces an older or equal save but not a newer one', () => {
    expect(isNewerSave(t(10), null)).toBe(true);
    expect(isNewerSave(t(10), t(9))).toBe(true);
    expect(isNewerSave(t(10), t(10))).toBe(true);
    expect(isNewerSave(t(10), t(11))).toBe(false);
  });
});

describe('isAnswered', () => {
  it('needs text that differs from the starter for write tasks', () => {
    expect(isAnswered('write', '', null)).toBe(false);
    expect(isAnswered('write', '  \n', null)).toBe(false);
    expect(isAnswered('write', 'kind: NetworkPolicy', null)).toBe(true);
    expect(isAnswered('write', 'starter\n', 'starter')).toBe(false);
    expect(isAnswered('write', 'starter changed', 'starter')).toBe(true);
  });
  it('needs one answered cell for predict tasks', () => {
    expect(isAnswered('predict', 'answers: []\n', null)).toBe(false);
    expect(isAnswered('predict', 'answers:\n  - { from: "a/b", to: "c/d", port: 80, protocol: TCP, allowed: true }\n', null)).toBe(true);
  });
});

describe('remainingSeconds', () => {
  it('rounds up and never goes negative', () => {
    expect(remainingSeconds(t(60), t(0))).toBe(60);
    expect(remainingSeconds(new Date(t(60).getTime() - 500), t(0))).toBe(60);
    expect(remainingSeconds(t(60), t(61))).toBe(0);
  });
});
