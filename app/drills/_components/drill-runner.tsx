'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { PolicyEditor, type PolicyEditorApi } from '@/app/_components/editor/policy-editor';
import { PredictGrid } from '@/app/_components/exercise/predict-grid';
import { ResultPanel } from '@/app/_components/exercise/result-panel';
import type { TAttemptResponse } from '@/app/_components/exercise/types';
import { answersToYaml, yamlToAnswers } from '@/lib/editor/predict-answers';
import type { EditorCluster } from '@/lib/editor/complete';
import type { LearnerCell } from '@/lib/scenarios/learner-view';
import { alertSchedule, crossedAlerts, formatClock, lastPassedAlert } from '@/lib/drills/alerts';
import { beep, unlockAudio } from './drill-audio';
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from './local-drafts';
import { apiErrorMessage } from '@/app/_components/api-error';

/** One task as the runner needs it (learner-visible data only). */
export type TRunnerTask = {
  index: number;
  scenario: string;
  title: string;
  kind: 'write' | 'predict';
  difficulty: number;
  namespace: string;
  cluster: EditorCluster;
  starter: string | null;
  cells: LearnerCell[];
  draft: { yaml: string; savedAt: string } | null;
  flagged: boolean;
  lastResult: TAttemptResponse | null;
};

/** Props of the drill runner (plain JSON plus the server-rendered task panels). */
export type TRunnerProps = {
  sessionId: string;
  title: string;
  feedback: 'end' | 'immediate';
  startedAt: string;
  deadline: string;
  serverNow: string;
  vimMode: boolean;
  tasks: TRunnerTask[];
  /** The task text, cluster and existing policies of each task, rendered on the server. */
  panels: ReactNode[];
};

type TSaveState = 'saved' | 'unsaved' | 'saving' | 'local';

// Edits go to the server this long after typing stops, and unsaved work at least every FLUSH_EVERY_MS.
const SAVE_DELAY_MS = 1500;
const FLUSH_EVERY_MS = 5000;
// Time on a task is booked with saves; with no edits, a save this often keeps the per-task time honest.
const HEARTBEAT_MS = 30_000;
// Unsaved edits are pushed this close to the deadline (saves after it are refused).
const FINAL_FLUSH_MS = 3000;

function initialText(t: TRunnerTask): string {
  if (t.draft) return t.draft.yaml;
  return t.kind === 'predict' ? answersToYaml(t.cells, {}) : (t.starter ?? '');
}

function answeredText(t: TRunnerTask, text: string): boolean {
  if (t.kind === 'predict') return Object.keys(yamlToAnswers(t.cells, text)).length > 0;
  return text.trim() !== '' && text.trim() !== (t.starter ?? '').trim();
}

/**
 * The drill session page's interactive part: countdown from the server deadline with 30/15/5-minute alerts
 * (scaled for short drills; visible and audible), task list with flags and answered marks, the exercise editor,
 * drafts kept locally and saved to the server every few seconds and on task switch, finish, and (immediate
 * mode) per-task grading.
 */
export function DrillRunner(props: TRunnerProps) {
  const { sessionId, tasks, feedback } = props;
  const router = useRouter();
  const editorRef = useRef<PolicyEditorApi>(null);
  const base = `/api/drills/sessions/${sessionId}`;
  const resultsHref = `/drills/session/${sessionId}/results`;

  // ---- clock: remaining time from the server's deadline and clock, advanced by a monotonic timer -------------
  const totalSeconds = Math.round((Date.parse(props.deadline) - Date.parse(props.startedAt)) / 1000);
  const schedule = useMemo(() => alertSchedule(totalSeconds), [totalSeconds]);
  const clockBase = useRef({ remainingMs: Date.parse(props.deadline) - Date.parse(props.serverNow), perf: 0, offsetMs: 0 });
  const [remainingMs, setRemainingMs] = useState(() => Date.parse(props.deadline) - Date.parse(props.serverNow));
  const [alert, setAlert] = useState<string | null>(null);
  const [sound, setSound] = useState(true);
  const soundRef = useRef(sound);
  const prevRemaining = useRef<number | null>(null);
  const ended = useRef(false);
  const finalFlushed = useRef(false);

  const resync = useCallback((serverNow: string, started: number) => {
    const received = performance.now();
    const serverMs = Date.parse(serverNow) + (received - started) / 2;
    clockBase.current = { remainingMs: Date.parse(props.deadline) - serverMs, perf: received, offsetMs: serverMs - Date.now() };
  }, [props.deadline]);

  /** The page's estimate of the server clock, for `savedAt` (newest save wins between tabs). */
  const serverTimeIso = useCallback(() => new Date(Date.now() + clockBase.current.offsetMs).toISOString(), []);

  // ---- tasks: text, flags, save state ------------------------------------------------------------------------
  const [current, setCurrent] = useState(0);
  const currentRef = useRef(0);
  // The texts live in state for rendering and in a ref for the save callbacks (which must see the latest text).
  const [textsState, setTextsState] = useState<string[]>(() => tasks.map(initialText));
  const texts = useRef<string[]>(textsState);
  const setText = useCallback((index: number, yaml: string) => {
    texts.current = texts.current.map((t, i) => (i === index ? yaml : t));
    setTextsState(texts.current);
  }, []);
  const [editorKey, setEditorKey] = useState(0); // bumps to recreate the editor with replaced text
  const [flags, setFlags] = useState<boolean[]>(tasks.map((t) => t.flagged));
  const flagsRef = useRef(flags);
  const [saveState, setSaveState] = useState<TSaveState[]>(tasks.map(() => 'saved'));
  const dirty = useRef<Set<number>>(new Set());
  const editAt = useRef<Map<number, string>>(new Map());
  // When the text this tab holds was typed (server clock): a save without new edits (heartbeat, task switch)
  // carries it, so an idle tab never overwrites newer text saved from another tab.
  const heldSince = useRef<string[]>(tasks.map((t) => t.draft?.savedAt ?? props.startedAt));
  const inFlight = useRef<Set<number>>(new Set());
  // Flag changes not yet confirmed by the server (sent with the next save of the task, even if one is in flight).
  const pendingFlag = useRef<Map<number, boolean>>(new Map());
  const elapsed = useRef<number[]>(tasks.map(() => 0));
  const activeSince = useRef(0);
  const lastSaveAt = useRef(0);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info' | 'auth'; text: string } | null>(null);
  const [results, setResults] = useState<(TAttemptResponse | null)[]>(tasks.map((t) => t.lastResult));
  const [submitting, setSubmitting] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [vim, setVim] = useState(props.vimMode);

  const setState = (index: number, s: TSaveState) => setSaveState((prev) => prev.map((v, i) => (i === index ? s : v)));

  const bookElapsed = useCallback(() => {
    const now = performance.now();
    elapsed.current[currentRef.current] += now - activeSince.current;
    activeSince.current = now;
  }, []);

  const goToResults = useCallback(() => {
    ended.current = true;
    router.replace(resultsHref);
  }, [router, resultsHref]);

  /** Sends one task's text (and flag) to the server; resolves when it is confirmed or kept locally. */
  const save = useCallback(
    async (index: number, opts: { keepalive?: boolean } = {}): Promise<void> => {
      if (ended.current) return;
      if (inFlight.current.has(index)) {
        dirty.current.add(index);
        return;
      }
      if (index === currentRef.current) bookElapsed();
      const yaml = texts.current[index];
      const savedAt = editAt.current.get(index) ?? heldSince.current[index];
      const elapsedMs = Math.round(elapsed.current[index]);
      const flagged = pendingFlag.current.get(index);
      elapsed.current[index] = 0;
      dirty.current.delete(index);
      inFlight.current.add(index);
      setState(index, 'saving');
      const started = performance.now();
      try {
        const res = await fetch(`${base}/tasks/${index}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ yaml, savedAt, elapsedMs, ...(flagged === undefined ? {} : { flagged }) }),
          keepalive: opts.keepalive,
        });
        if (res.status === 409) {
          const message = await apiErrorMessage(res);
          setNotice({ kind: 'info', text: message });
          goToResults();
          return;
        }
        if (res.status === 401) {
          elapsed.current[index] += elapsedMs;
          dirty.current.add(index);
          setState(index, 'local');
          setNotice({ kind: 'auth', text: 'Your session has expired. Sign in again in another tab; your answers are kept in this browser meanwhile.' });
          return;
        }
        if (!res.ok) {
          elapsed.current[index] += elapsedMs;
          dirty.current.add(index);
          setState(index, 'local');
          setNotice({ kind: 'error', text: `Not saved to the server: ${await apiErrorMessage(res)}. Kept in this browser; retrying.` });
          return;
        }
        const body = (await res.json()) as { applied: boolean; yaml: string; savedAt: string; serverNow: string };
        if (flagged !== undefined && pendingFlag.current.get(index) === flagged) pendingFlag.current.delete(index);
        resync(body.serverNow, started);
        lastSaveAt.current = performance.now();
        clearLocalDraft(sessionId, index, { yaml: body.yaml, savedAt: body.savedAt });
        if (body.applied || !dirty.current.has(index)) heldSince.current[index] = body.savedAt;
        if (!body.applied && !dirty.current.has(index)) {
          // Another tab saved newer text for this task: show it rather than silently diverging.
          setText(index, body.yaml);
          editAt.current.delete(index);
          if (index === currentRef.current) setEditorKey((k) => k + 1);
          setNotice({ kind: 'info', text: `Task ${index + 1} was saved more recently from another tab or window; that newer text is shown.` });
        }
        if (!dirty.current.has(index)) editAt.current.delete(index);
        setState(index, dirty.current.has(index) ? 'unsaved' : 'saved');
        setNotice((n) => (n?.kind === 'error' || n?.kind === 'auth' ? null : n));
      } catch {
        elapsed.current[index] += elapsedMs;
        dirty.current.add(index);
        setState(index, 'local');
      } finally {
        inFlight.current.delete(index);
      }
    },
    [base, bookElapsed, goToResults, resync, sessionId, setText],
  );

  const flushAll = useCallback(async () => {
    await Promise.all([...dirty.current].map((i) => save(i)));
  }, [save]);

  /** Waits (up to 5 s) for saves in flight, then sends what is still unsaved: used before finishing. */
  const settle = useCallback(async () => {
    for (let i = 0; i < 50 && inFlight.current.size > 0; i++) await new Promise((r) => setTimeout(r, 100));
    await flushAll();
  }, [flushAll]);

  // Restore drafts kept in this browser that are newer than the server's (typed offline or before a crash).
  const restore = () => {
    activeSince.current = performance.now();
    // Until the fresh reading below arrives, count from the page's server time as if it were now.
    clockBase.current = { ...clockBase.current, perf: performance.now(), offsetMs: Date.parse(props.serverNow) - Date.now() };
    let restored = 0;
    tasks.forEach((t, i) => {
      const local = readLocalDraft(sessionId, t.index);
      if (!local) return;
      const serverAt = t.draft ? Date.parse(t.draft.savedAt) : 0;
      if (local.yaml !== texts.current[i] && Date.parse(local.savedAt) > serverAt) {
        setText(i, local.yaml);
        editAt.current.set(i, local.savedAt);
        dirty.current.add(i);
        restored++;
      } else if (t.draft) {
        clearLocalDraft(sessionId, t.index, t.draft);
      }
    });
    if (restored > 0) {
      setEditorKey((k) => k + 1);
      setSaveState(tasks.map((_, i) => (dirty.current.has(i) ? 'unsaved' : 'saved')));
      void flushAll();
    }
    // Resync the clock with a fresh server reading (the page may have been served from a slow network).
    const started = performance.now();
    fetch(base, { cache: 'no-store' })
      .then(async (res) => {
        if (res.ok) {
          const v = (await res.json()) as { serverNow: string; finished: boolean };
          if (v.finished) goToResults();
          else resync(v.serverNow, started);
        }
      })
      .catch(() => undefined);
  };

  useEffect(() => {
    const timer = window.setTimeout(() => restore(), 0);
    return () => window.clearTimeout(timer);
    // Runs once after hydration (localStorage is only readable in the browser).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // At zero the page does not finish the drill itself (its clock may be a few ms early, and finishing early
  // would end the drill on the learner's behalf): it reads the session, which the server finishes once the
  // deadline has passed, and goes to the results when it has.
  const waitForServerEnd = useCallback(async () => {
    for (let i = 0; i < 30; i++) {
      try {
        const res = await fetch(base, { cache: 'no-store' });
        if (res.ok && ((await res.json()) as { finished: boolean }).finished) break;
        if (res.status === 404 || res.status === 401) break;
      } catch {
        // offline: keep trying; the answers saved before the deadline are graded either way
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    router.replace(resultsHref);
  }, [base, router, resultsHref]);

  // The tick: countdown, alerts, periodic saves, and the end at the deadline.
  useEffect(() => {
    const tick = () => {
      const b = clockBase.current;
      const rem = b.remainingMs - (performance.now() - b.perf);
      setRemainingMs(rem);
      const sec = Math.ceil(rem / 1000);
      if (prevRemaining.current === null) prevRemaining.current = sec;
      const crossed = crossedAlerts(schedule, prevRemaining.current, sec);
      prevRemaining.current = sec;
      if (crossed.length > 0) {
        const label = crossed[crossed.length - 1].label;
        setAlert(label);
        setAnnounce(`${label} in this drill`);
        if (soundRef.current) beep(crossed[crossed.length - 1].atSeconds === schedule[schedule.length - 1]?.atSeconds ? 3 : 2);
      }
      if (ended.current) return;
      if (rem <= FINAL_FLUSH_MS && !finalFlushed.current) {
        finalFlushed.current = true;
        // Last chance before the deadline: unsaved text, and the time spent on the open task.
        if (!dirty.current.has(currentRef.current)) void save(currentRef.current);
        void flushAll();
      }
      if (rem <= 0) {
        ended.current = true;
        setAnnounce('Time is up. The drill is being graded.');
        void waitForServerEnd();
        return;
      }
      if (dirty.current.size > 0 && performance.now() - lastSaveAt.current > FLUSH_EVERY_MS) {
        lastSaveAt.current = performance.now();
        void flushAll();
      } else if (performance.now() - activeSince.current > HEARTBEAT_MS && !inFlight.current.has(currentRef.current)) {
        void save(currentRef.current);
      }
    };
    const id = window.setInterval(tick, 250);
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      const started = performance.now();
      fetch(base, { cache: 'no-store' })
        .then(async (res) => {
          if (!res.ok) return;
          const v = (await res.json()) as { serverNow: string; finished: boolean };
          if (v.finished) goToResults();
          else resync(v.serverNow, started);
        })
        .catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [base, flushAll, goToResults, resync, save, schedule, waitForServerEnd]);

  // Unsaved work when the tab closes: one last keepalive save (the local copy stays either way).
  useEffect(() => {
    const onHide = () => {
      for (const i of dirty.current) void save(i, { keepalive: true });
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [save]);

  useEffect(() => {
    soundRef.current = sound;
  }, [sound]);

  const onTextChange = useCallback(
    (index: number, yaml: string) => {
      if (ended.current) return;
      setText(index, yaml);
      const at = serverTimeIso();
      editAt.current.set(index, at);
      writeLocalDraft(sessionId, index, { yaml, savedAt: at });
      dirty.current.add(index);
      setState(index, 'unsaved');
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void save(index), SAVE_DELAY_MS);
    },
    [save, serverTimeIso, sessionId, setText],
  );

  const switchTo = useCallback(
    (index: number) => {
      if (index === currentRef.current || index < 0 || index >= tasks.length) return;
      const leaving = currentRef.current;
      bookElapsed();
      if (saveTimer.current) clearTimeout(saveTimer.current);
      // Save on every task switch: the text if it changed, and the time spent on the task either way.
      void save(leaving);
      currentRef.current = index;
      setCurrent(index);
      setAnnounce(`Task ${index + 1} of ${tasks.length}: ${tasks[index].title}`);
    },
    [bookElapsed, save, tasks],
  );

  const toggleFlag = (index: number) => {
    const next = !flagsRef.current[index];
    flagsRef.current = flagsRef.current.map((f, i) => (i === index ? next : f));
    setFlags(flagsRef.current);
    pendingFlag.current.set(index, next);
    void save(index);
  };

  const finish = async () => {
    const unanswered = tasks.filter((t, i) => !answeredText(t, texts.current[i])).length;
    const flagged = flagsRef.current.filter(Boolean).length;
    const extra = [unanswered ? `${unanswered} task${unanswered === 1 ? ' has' : 's have'} no answer` : '', flagged ? `${flagged} flagged for review` : ''].filter(Boolean).join(', ');
    if (!window.confirm(`Finish the drill now and see your results?${extra ? ` (${extra})` : ''}`)) return;
    setFinishing(true);
    try {
      if (!dirty.current.has(currentRef.current)) dirty.current.add(currentRef.current); // books the open task's time
      await settle();
      const res = await fetch(`${base}/finish`, { method: 'POST' });
      if (!res.ok && res.status !== 409) {
        setNotice({ kind: 'error', text: `Could not finish: ${await apiErrorMessage(res)}. Try again.` });
        return;
      }
      goToResults();
    } catch {
      setNotice({ kind: 'error', text: 'Could not reach the server to finish; your answers are kept. Try again.' });
    } finally {
      setFinishing(false);
    }
  };

  const submitTask = async () => {
    const index = currentRef.current;
    if (feedback !== 'immediate' || submitting) return;
    setSubmitting(true);
    setAnnounce('Grading…');
    bookElapsed();
    const elapsedMs = Math.round(elapsed.current[index]);
    elapsed.current[index] = 0;
    // Checking a task is an explicit "this is my answer": it counts as typed now.
    const sentAt = editAt.current.get(index) ?? serverTimeIso();
    try {
      const res = await fetch(`${base}/tasks/${index}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ yaml: texts.current[index], savedAt: sentAt, elapsedMs }),
      });
      if (res.status === 409) {
        setNotice({ kind: 'info', text: await apiErrorMessage(res) });
        goToResults();
        return;
      }
      if (!res.ok) {
        elapsed.current[index] += elapsedMs;
        setNotice({ kind: 'error', text: `Not graded: ${await apiErrorMessage(res)}` });
        return;
      }
      const body = (await res.json()) as TAttemptResponse;
      dirty.current.delete(index);
      editAt.current.delete(index);
      clearLocalDraft(sessionId, index, { yaml: texts.current[index], savedAt: sentAt });
      heldSince.current[index] = sentAt;
      setState(index, 'saved');
      setResults((prev) => prev.map((r, i) => (i === index ? body : r)));
      setAnnounce(body.errors.length ? 'The YAML has errors; nothing was graded.' : `${body.pass ? 'Passed' : 'Not yet'}: ${body.passed} of ${body.total} checks.`);
    } catch {
      elapsed.current[index] += elapsedMs;
      setNotice({ kind: 'error', text: 'Could not reach the server; your answer is kept in this browser. Try again.' });
    } finally {
      setSubmitting(false);
    }
  };

  // Same preference as the exercise page: remembered per user.
  const toggleVim = (on: boolean) => {
    setVim(on);
    void fetch('/api/me/preferences', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vimMode: on }) }).catch(() => undefined);
  };

  const task = tasks[current];
  const text = textsState[current];
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  const warning = lastPassedAlert(schedule, seconds);
  const answered = tasks.map((t, i) => answeredText(t, textsState[i]));
  const stateLabel: Record<TSaveState, string> = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', local: 'Kept in this browser (not yet on the server)' };

  return (
    <div className="space-y-4" onPointerDown={unlockAudio} onKeyDown={unlockAudio}>
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white/95 p-3 shadow-sm backdrop-blur">
        <h1 className="mr-auto text-lg font-semibold">{props.title}</h1>
        <div
          role="timer"
          aria-label={`time left ${formatClock(seconds)}`}
          data-testid="drill-clock"
          data-remaining={seconds}
          className={`rounded px-3 py-1 font-mono text-xl tabular-nums ${seconds === 0 ? 'bg-slate-800 text-white' : warning ? 'bg-rose-100 text-rose-900 ring-1 ring-rose-400' : 'bg-slate-100'}`}
        >
          {formatClock(seconds)}
        </div>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={sound} onChange={(e) => { setSound(e.target.checked); if (e.target.checked) { unlockAudio(); beep(1); } }} />
          Sound alerts
        </label>
        <button type="button" onClick={() => void finish()} disabled={finishing} data-testid="drill-finish" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
          {finishing ? 'Finishing…' : 'Finish drill'}
        </button>
      </div>

      {alert && (
        <div role="alert" data-testid="drill-alert" className="flex items-center justify-between rounded-md border border-rose-300 bg-rose-50 p-2 text-sm font-medium text-rose-900">
          <span>
            <span aria-hidden="true">⏰ </span>
            {alert}
          </span>
          <button type="button" onClick={() => setAlert(null)} className="text-xs underline">
            dismiss
          </button>
        </div>
      )}
      {notice && (
        <div role="status" className={`rounded-md border p-2 text-sm ${notice.kind === 'error' ? 'border-rose-300 bg-rose-50' : 'border-amber-300 bg-amber-50'}`}>
          {notice.text}
        </div>
      )}
      <div className="sr-only" aria-live="assertive">
        {announce}
      </div>
      <p className="text-xs text-slate-600">
        {feedback === 'end' ? 'Exam mode: no feedback until you finish or time runs out; then every task is graded from its last saved answer.' : 'Practice mode: submit a task to see its result; at the end every task is graded from its last saved answer.'} Alerts at{' '}
        {schedule.map((a) => formatClock(a.atSeconds)).join(', ')} left.
      </p>

      <div className="grid gap-4 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="Drill tasks" data-testid="drill-task-list">
          <ol className="space-y-1">
            {tasks.map((t, i) => (
              <li key={t.index}>
                <button
                  type="button"
                  onClick={() => switchTo(i)}
                  aria-current={i === current ? 'step' : undefined}
                  data-testid={`drill-task-${i}`}
                  data-answered={answered[i] ? 'true' : 'false'}
                  data-flagged={flags[i] ? 'true' : 'false'}
                  className={`flex w-full items-start gap-2 rounded-md border px-2 py-1.5 text-left text-sm ${i === current ? 'border-sky-500 bg-sky-50' : 'border-slate-200 bg-white hover:bg-slate-50'}`}
                >
                  <span className="font-mono text-xs text-slate-500">{i + 1}.</span>
                  <span className="flex-1">{t.title}</span>
                  <span aria-hidden="true" title={answered[i] ? 'answered' : 'no answer yet'} className={answered[i] ? 'text-emerald-700' : 'text-slate-300'}>
                    {answered[i] ? '●' : '○'}
                  </span>
                  {flags[i] && (
                    <span aria-hidden="true" title="flagged for review" className="text-amber-600">
                      ⚑
                    </span>
                  )}
                  <span className="sr-only">
                    {answered[i] ? ', answered' : ', no answer yet'}
                    {flags[i] ? ', flagged for review' : ''}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <p className="mt-2 text-xs text-slate-500">● answered ○ no answer ⚑ flagged</p>
        </nav>

        <div className="grid min-w-0 gap-6 xl:grid-cols-2">
          <div className="min-w-0 space-y-4">
            {props.panels.map((panel, i) => (
              <div key={i} hidden={i !== current} data-testid={i === current ? 'drill-task-panel' : undefined}>
                {panel}
              </div>
            ))}
          </div>
          <div className="min-w-0 space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-semibold">
                Task {current + 1} of {tasks.length}: your {task.kind === 'predict' ? 'prediction' : 'YAML'}
              </h2>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={flags[current]} onChange={() => toggleFlag(current)} data-testid="drill-flag" />
                Flag for review
              </label>
            </div>
            {task.kind === 'predict' ? (
              <PredictGrid
                key={`${current}:${editorKey}`}
                cells={task.cells}
                answers={yamlToAnswers(task.cells, text)}
                onChange={(a) => onTextChange(current, answersToYaml(task.cells, a))}
              />
            ) : (
              <>
                <div className="flex items-center justify-between text-xs text-slate-600">
                  <span>Completion: Ctrl+Space. Leave the editor: Esc, then Tab.</span>
                  <label className="flex items-center gap-1">
                    <input type="checkbox" checked={vim} onChange={(e) => toggleVim(e.target.checked)} /> Vim
                  </label>
                </div>
                <PolicyEditor
                  key={`${current}:${editorKey}`}
                  ref={editorRef}
                  id={`drill-editor-${current}`}
                  label={`NetworkPolicy YAML for task ${current + 1}`}
                  initialText={text}
                  cluster={task.cluster}
                  taskNamespace={task.namespace}
                  vimMode={vim}
                  onChange={(yaml) => onTextChange(current, yaml)}
                  onSubmit={() => void submitTask()}
                />
              </>
            )}
            <div className="flex flex-wrap items-center gap-3">
              <button type="button" onClick={() => switchTo(current - 1)} disabled={current === 0} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-40">
                ← Previous
              </button>
              <button type="button" onClick={() => switchTo(current + 1)} disabled={current === tasks.length - 1} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-40">
                Next →
              </button>
              {feedback === 'immediate' && (
                <button type="button" onClick={() => void submitTask()} disabled={submitting} data-testid="drill-submit" className="rounded-md bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-600 disabled:opacity-60">
                  {submitting ? 'Grading…' : 'Check this task'}
                </button>
              )}
              <span className="text-xs text-slate-500" data-testid="drill-save-status" data-state={saveState[current]} aria-live="polite">
                {stateLabel[saveState[current]]}
              </span>
            </div>
            {feedback === 'immediate' && results[current] && (
              <ResultPanel result={results[current]!} onShowLine={(line) => editorRef.current?.highlightLine(line)} kind={task.kind} />
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
