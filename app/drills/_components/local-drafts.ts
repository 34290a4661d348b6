/** Drill drafts kept in localStorage until the server confirms them (a closed laptop or lost network costs nothing). */

/** A locally kept draft: the text, and when it was typed (server-clock estimate, ISO). */
export type TLocalDraft = { yaml: string; savedAt: string };

function key(sessionId: string, index: number): string {
  return `netpol-lab:drill:${sessionId}:${index}`;
}

/** The locally kept draft of a task, or null. */
export function readLocalDraft(sessionId: string, index: number): TLocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(sessionId, index));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<TLocalDraft>;
    return typeof v.yaml === 'string' && typeof v.savedAt === 'string' ? { yaml: v.yaml, savedAt: v.savedAt } : null;
  } catch {
    return null;
  }
}

/** Keeps a draft locally (storage full or disabled: the server copy still works). */
export function writeLocalDraft(sessionId: string, index: number, draft: TLocalDraft): void {
  try {
    window.localStorage.setItem(key(sessionId, index), JSON.stringify(draft));
  } catch {
    // ignore: private mode or quota
  }
}

/** Drops the local copy once the server holds this text or a newer one. */
export function clearLocalDraft(sessionId: string, index: number, confirmed: TLocalDraft): void {
  const local = readLocalDraft(sessionId, index);
  if (local && (local.yaml === confirmed.yaml || Date.parse(local.savedAt) <= Date.parse(confirmed.savedAt))) {
    try {
      window.localStorage.removeItem(key(sessionId, index));
    } catch {
      // ignore
    }
  }
}
