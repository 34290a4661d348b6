/** Minutes-left alerts of the real exam (2 hours): 30, 15 and 5 minutes before the end. */
export const EXAM_ALERT_MINUTES = [30, 15, 5] as const;

/** Length of the exam the alerts were made for, in minutes. */
export const EXAM_MINUTES = 120;

/** One alert: fires when the remaining time drops to `atSeconds`. */
export type TAlert = { atSeconds: number; label: string };

/** "5 minutes left", "90 seconds left". */
export function alertLabel(seconds: number): string {
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? '' : 's'} left`;
  if (seconds >= 120) return `${Math.round(seconds / 60)} minutes left`;
  return `${seconds} seconds left`;
}

/**
 * The alert schedule of a drill lasting `totalSeconds`: the exam's 30/15/5-minute alerts, scaled down for drills
 * shorter than the exam (a 10-minute drill alerts at 2:30, 1:15 and 0:25 left), never more than the exam's own.
 * Largest first; whole seconds; alerts that would fire at the very start or below 1 s are dropped.
 */
export function alertSchedule(totalSeconds: number): TAlert[] {
  const scale = Math.min(1, totalSeconds / (EXAM_MINUTES * 60));
  const out: TAlert[] = [];
  for (const m of EXAM_ALERT_MINUTES) {
    const at = Math.round(m * 60 * scale);
    if (at < 1 || at >= totalSeconds || out.some((a) => a.atSeconds === at)) continue;
    out.push({ atSeconds: at, label: alertLabel(at) });
  }
  return out;
}

/**
 * Alerts whose threshold was crossed between two readings of the remaining time (seconds, decreasing). A page
 * that opens with less time left than an alert does not replay it: the first reading is both `before` and `now`.
 */
export function crossedAlerts(schedule: readonly TAlert[], beforeSeconds: number, nowSeconds: number): TAlert[] {
  return schedule.filter((a) => beforeSeconds > a.atSeconds && nowSeconds <= a.atSeconds);
}

/** The most recent alert already passed at `nowSeconds` (to keep the warning style after a reload), or null. */
export function lastPassedAlert(schedule: readonly TAlert[], nowSeconds: number): TAlert | null {
  const passed = schedule.filter((a) => nowSeconds <= a.atSeconds);
  return passed.length ? passed[passed.length - 1] : null;
}

/** mm:ss (or h:mm:ss) for a countdown; negative values show 0:00. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}
