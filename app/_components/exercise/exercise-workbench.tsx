'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { PolicyEditor, type PolicyEditorApi } from '@/app/_components/editor/policy-editor';
import { answersToYaml, yamlToAnswers, type TPredictAnswers } from '@/lib/editor/predict-answers';
import { ResultPanel } from './result-panel';
import { HintsPanel } from './hints-panel';
import { SolutionPanel } from './solution-panel';
import { PredictGrid } from './predict-grid';
import { ElapsedTimer } from './elapsed-timer';
import type { TAttemptResponse, TWorkbenchProps } from './types';
import { apiErrorMessage } from '@/app/_components/api-error';

type TNotice = { kind: 'auth' | 'error' | 'info'; text: string } | null;

const SERVER_SAVE_DELAY_MS = 1500;
const VIM_KEY = 'netpol-lab:vim';

function draftKey(slug: string) {
  return `netpol-lab:draft:${slug}`;
}

function readLocalDraft(slug: string): { yaml: string; savedAt: string } | null {
  try {
    const raw = window.localStorage.getItem(draftKey(slug));
    if (!raw) return null;
    const v = JSON.parse(raw) as { yaml?: unknown; savedAt?: unknown };
    return typeof v.yaml === 'string' && typeof v.savedAt === 'string' ? { yaml: v.yaml, savedAt: v.savedAt } : null;
  } catch {
    return null;
  }
}

function writeLocalDraft(slug: string, yaml: string) {
  try {
    window.localStorage.setItem(draftKey(slug), JSON.stringify({ yaml, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled (private mode): the server copy still works for signed-in users.
  }
}

// crypto.randomUUID needs a secure context; getRandomValues works on plain http too (e.g. a LAN dev server).
function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The interactive half of the exercise page: editor (or predict grid), submit, results, hints and solution. */
export function ExerciseWorkbench(props: TWorkbenchProps) {
  const { scenario, signedIn } = props;
  // The author preview points the same workbench at its own (non-recording) endpoints.
  const api = props.apiBase ?? `/api/scenarios/${scenario.slug}`;
  const router = useRouter();
  const editorRef = useRef<PolicyEditorApi>(null);
  const initialText = props.serverDraft?.yaml ?? (scenario.kind === 'predict' ? answersToYaml(scenario.cells, {}) : (scenario.starter ?? ''));
  const textRef = useRef(initialText);
  const [text, setText] = useState(initialText);
  const [answers, setAnswers] = useState<TPredictAnswers>(() => (scenario.kind === 'predict' ? yamlToAnswers(scenario.cells, initialText) : {}));
  const [result, setResult] = useState<TAttemptResponse | null>(props.lastResult);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<TNotice>(null);
  const [announce, setAnnounce] = useState('');
  // Hints unlocked on this page; after a refresh the server's list (props) is at least as long.
  const [fetchedHints, setFetchedHints] = useState<string[]>([]);
  const hints = fetchedHints.length > scenario.hints.length ? fetchedHints : scenario.hints;
  const [hintBusy, setHintBusy] = useState(false);
  const [vim, setVim] = useState(props.vimMode);
  const [draftStatus, setDraftStatus] = useState<'saved' | 'local' | 'saving' | 'unsaved'>('saved');
  const [startedAt] = useState(() => new Date().toISOString());
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A newer local copy (e.g. typed while the session had expired, or the server save failed) wins over the server's.
  // localStorage is an external store only readable after hydration, so the restore is scheduled from an effect.
  useEffect(() => {
    const restore = () => {
      if (!signedIn) {
        try {
          if (window.localStorage.getItem(VIM_KEY) === '1') setVim(true);
        } catch {
          // storage disabled
        }
      }
      const local = readLocalDraft(scenario.slug);
      if (!local || local.yaml === textRef.current) return;
      const serverTime = props.serverDraft ? Date.parse(props.serverDraft.updatedAt) : 0;
      if (Date.parse(local.savedAt) <= serverTime) return;
      textRef.current = local.yaml;
      setText(local.yaml);
      if (scenario.kind === 'predict') setAnswers(yamlToAnswers(scenario.cells, local.yaml));
      else editorRef.current?.setText(local.yaml);
      setDraftStatus('local');
    };
    const id = window.setTimeout(restore, 0);
    return () => window.clearTimeout(id);
    // Runs once after hydration: the server draft in props is the initial one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const saveToServer = useCallback(
    async (yaml: string) => {
      if (!signedIn) return;
      setDraftStatus('saving');
      try {
        const res = await fetch(`${api}/draft`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ yaml }),
        });
        if (res.status === 401) {
          setDraftStatus('local');
          setNotice({ kind: 'auth', text: 'Your session has expired. Sign in again to save and submit; your draft is kept in this browser.' });
          return;
        }
        setDraftStatus(res.ok ? 'saved' : 'local');
      } catch {
        setDraftStatus('local');
      }
    },
    [api, signedIn],
  );

  const onTextChange = useCallback(
    (yaml: string) => {
      textRef.current = yaml;
      setText(yaml);
      writeLocalDraft(scenario.slug, yaml);
      setDraftStatus('unsaved');
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void saveToServer(yaml), SERVER_SAVE_DELAY_MS);
    },
    [scenario.slug, saveToServer],
  );

  useEffect(() => () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
  }, []);

  const submitting$ = useRef(false);
  const submit = useCallback(async () => {
    if (submitting$.current) return;
    if (!signedIn) {
      setNotice({ kind: 'auth', text: 'Sign in to submit. Your draft is kept in this browser.' });
      return;
    }
    submitting$.current = true;
    setSubmitting(true);
    setNotice(null);
    setAnnounce('Grading…');
    const yaml = textRef.current;
    const key = newIdempotencyKey();
    const init: RequestInit = {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ yaml, startedAt }),
    };
    try {
      let res: Response;
      try {
        res = await fetch(`${api}/attempts`, init);
      } catch {
        // One retry with the same key: if the first request did arrive, the server answers with that attempt.
        res = await fetch(`${api}/attempts`, init);
      }
      if (res.status === 401) {
        setNotice({ kind: 'auth', text: 'Your session has expired. Sign in again, then submit; your draft is kept in this browser.' });
        setAnnounce('Not submitted: sign in again.');
        return;
      }
      if (!res.ok) {
        const msg = await apiErrorMessage(res);
        setNotice({ kind: 'error', text: `Not graded: ${msg}. Your draft is kept; try again.` });
        setAnnounce(`Not graded: ${msg}`);
        return;
      }
      const body = (await res.json()) as TAttemptResponse;
      setResult(body);
      const summary = body.errors.length
        ? `The YAML has ${body.errors.length} error${body.errors.length === 1 ? '' : 's'}; nothing was graded.`
        : `${body.pass ? 'Passed' : 'Not yet'}: ${body.passed} of ${body.total} checks.`;
      setAnnounce(summary);
      if (body.pass !== props.passed || body.revealed) router.refresh();
      void saveToServer(yaml);
    } catch {
      setNotice({ kind: 'error', text: 'Could not reach the server. Your draft is kept in this browser; try again.' });
      setAnnounce('Could not reach the server.');
    } finally {
      submitting$.current = false;
      setSubmitting(false);
    }
  }, [api, props.passed, router, saveToServer, signedIn, startedAt]);

  // Ctrl/Cmd+Enter submits from anywhere on the workbench (the editor binds it too, for vim insert mode).
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  const nextHint = async () => {
    setHintBusy(true);
    try {
      const res = await fetch(`${api}/hints`, { method: 'POST' });
      if (res.status === 401) setNotice({ kind: 'auth', text: 'Your session has expired. Sign in again to use hints.' });
      else if (!res.ok) setNotice({ kind: 'error', text: `No hint: ${await apiErrorMessage(res)}` });
      else {
        const body = (await res.json()) as { hints: string[] };
        setFetchedHints(body.hints);
        setAnnounce(`Hint ${body.hints.length}: ${body.hints[body.hints.length - 1] ?? ''}`);
      }
    } catch {
      setNotice({ kind: 'error', text: 'Could not reach the server for a hint; try again.' });
    } finally {
      setHintBusy(false);
    }
  };

  const revealSolution = async (giveUp: boolean) => {
    if (giveUp && !window.confirm('Give up and see the solution? This is recorded with your next attempts.')) return;
    try {
      const res = giveUp
        ? await fetch(`${api}/give-up`, { method: 'POST' })
        : await fetch(`${api}/solution`);
      if (res.status === 401) setNotice({ kind: 'auth', text: 'Your session has expired. Sign in again to see the solution.' });
      else if (!res.ok) setNotice({ kind: 'error', text: await apiErrorMessage(res) });
      else {
        setAnnounce('The solution is shown below the editor.');
        router.refresh();
      }
    } catch {
      setNotice({ kind: 'error', text: 'Could not reach the server; try again.' });
    }
  };

  const toggleVim = async (on: boolean) => {
    setVim(on);
    if (!signedIn) {
      // Visitors have no account to remember it: this browser does.
      try {
        window.localStorage.setItem(VIM_KEY, on ? '1' : '0');
      } catch {
        // storage disabled: the toggle applies to this page only
      }
      return;
    }
    try {
      await fetch('/api/me/preferences', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vimMode: on }) });
    } catch {
      // The toggle still applies to this page; it just is not remembered.
    }
  };

  const onAnswers = (next: TPredictAnswers) => {
    setAnswers(next);
    onTextChange(answersToYaml(scenario.cells, next));
  };

  const showLine = useCallback((line: number) => editorRef.current?.highlightLine(line), []);
  const canSeeSolution = props.passed || props.gaveUp;
  const signInHref = useMemo(() => `/sign-in?callbackUrl=${encodeURIComponent(`/scenarios/${scenario.slug}`)}`, [scenario.slug]);

  return (
    <div className="space-y-4" onKeyDown={onKeyDown}>
      <section aria-labelledby="answer-heading" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="answer-heading" className="text-lg font-semibold">
            {scenario.kind === 'predict' ? 'Your prediction' : 'Your NetworkPolicy YAML'}
          </h2>
          <ElapsedTimer startedAt={startedAt} budgetMinutes={props.timeMinutes} />
          {scenario.kind === 'write' && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={vim} onChange={(e) => void toggleVim(e.target.checked)} />
              Vim mode
            </label>
          )}
        </div>
        {scenario.kind === 'predict' ? (
          <PredictGrid cells={scenario.cells} answers={answers} onChange={onAnswers} disabled={submitting} />
        ) : (
          <>
            <p id="editor-help" className="text-xs text-slate-600">
              Completion: Ctrl+Space. Submit: Ctrl+Enter (⌘+Enter on macOS). Leave the editor: Esc, then Tab. Underlines are live checks of your YAML, not the grade.
            </p>
            <PolicyEditor
              ref={editorRef}
              id="policy-editor"
              label="NetworkPolicy YAML editor"
              initialText={text}
              cluster={scenario.cluster}
              taskNamespace={scenario.namespace}
              vimMode={vim}
              onChange={onTextChange}
              onSubmit={() => void submit()}
            />
          </>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => void submit()}
            disabled={submitting}
            className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-600 disabled:opacity-60"
            data-testid="submit"
          >
            {submitting ? 'Grading…' : 'Submit'}
          </button>
          {scenario.kind === 'write' && scenario.starter !== null && (
            <button
              type="button"
              onClick={() => editorRef.current?.setText(scenario.starter ?? '')}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50"
            >
              Reset to starter
            </button>
          )}
          {/* Not a live region: it changes on every pause in typing and would drown out the results. */}
          <span className="text-xs text-slate-500">
            {draftStatus === 'saving' ? 'Saving draft…' : draftStatus === 'saved' ? 'Draft saved' : draftStatus === 'local' ? 'Draft kept in this browser' : 'Draft saved in this browser'}
          </span>
        </div>
        {notice && (
          <div role="alert" className={`rounded-md border p-3 text-sm ${notice.kind === 'auth' ? 'border-amber-300 bg-amber-50' : 'border-rose-300 bg-rose-50'}`}>
            {notice.text}{' '}
            {notice.kind === 'auth' && (
              <a href={signInHref} className="font-medium text-sky-800 underline">
                Sign in
              </a>
            )}
          </div>
        )}
        <div className="sr-only" role="status" aria-live="polite">
          {announce}
        </div>
      </section>

      {result ? (
        <ResultPanel result={result} onShowLine={showLine} kind={scenario.kind} />
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">Submit to see which flows your answer gets right and why.</p>
      )}

      <HintsPanel hints={hints} hintsTotal={scenario.hintsTotal} busy={hintBusy} signedIn={signedIn} onNext={() => void nextHint()} />

      {props.solution ? (
        <SolutionPanel solution={props.solution} answer={text} />
      ) : (
        signedIn && (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {canSeeSolution ? (
              <button type="button" onClick={() => void revealSolution(false)} className="rounded-md border border-emerald-400 px-3 py-2 hover:bg-emerald-50">
                Show the solution
              </button>
            ) : (
              <button type="button" onClick={() => void revealSolution(true)} className="rounded-md border border-slate-300 px-3 py-2 text-slate-700 hover:bg-slate-50">
                Give up and show the solution
              </button>
            )}
          </div>
        )
      )}
    </div>
  );
}
