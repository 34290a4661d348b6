'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { parse as parseYaml } from 'yaml';
import { PolicyEditor, type PolicyEditorApi } from '@/app/_components/editor/policy-editor';
import type { EditorCluster } from '@/lib/editor/complete';
import type { TAuthorForm, TFormSection } from '@/lib/authoring/author-form';
import type { TAuthorValidation } from '@/lib/authoring/validate';
import { sectionSizeErrors } from '@/lib/authoring/section-limits';
import { toggleExpectationYaml } from '@/lib/authoring/expectation-toggle';
import { TOPICS } from '@/lib/scenarios/topics';
import { AuthorMatrix, type TMatrixClick } from './author-matrix';
import { SECTION_LABELS, ValidationPanel } from './validation-panel';
import { apiErrorMessage } from '@/app/_components/api-error';

/** Live validation waits this long after the last keystroke. */
const VALIDATE_DELAY_MS = 100;

type TValidationAnswer = TAuthorValidation & { taskHtml: string; explanationHtml: string };
type TVersion = { version: number; published: boolean; createdAt: string; attempts: number };

/** Props: the newest version as a form, its state and the version list. */
export type TScenarioEditorProps = { slug: string; version: number; published: boolean; source: string; form: TAuthorForm; versions: TVersion[]; vimMode: boolean };

function editorCluster(yaml: string): EditorCluster | null {
  try {
    const c = parseYaml(yaml) as Partial<EditorCluster> | null;
    if (!c || !Array.isArray(c.namespaces)) return null;
    return { namespaces: c.namespaces, pods: Array.isArray(c.pods) ? c.pods : [], externals: Array.isArray(c.externals) ? c.externals : [] };
  } catch {
    return null;
  }
}

function Section({ id, title, section, validation, children, hint }: { id: string; title: string; section: TFormSection; validation: TAuthorValidation | null; children: React.ReactNode; hint?: string }) {
  const count = validation ? validation.findings.filter((f) => f.section === section && f.severity === 'error').length + validation.sectionErrors.filter((e) => e.section === section).length : 0;
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-1 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <h2 id={`${id}-h`} className="flex items-center gap-2 font-semibold">
        {title}
        {count > 0 && <span className="rounded bg-rose-100 px-1.5 text-xs font-medium text-rose-900">{count} error{count === 1 ? '' : 's'}</span>}
      </h2>
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
      {children}
    </section>
  );
}

function YamlArea({ id, label, value, onChange, rows = 10 }: { id: string; label: string; value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <textarea
      id={id}
      aria-label={label}
      spellCheck={false}
      rows={rows}
      className="block w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-[13px]"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The scenario editor: form, YAML editors, live content:check, the reference's matrix, save / publish. */
export function ScenarioEditor(props: TScenarioEditorProps) {
  const router = useRouter();
  const [form, setForm] = useState<TAuthorForm>(props.form);
  const [savedForm, setSavedForm] = useState<string>(JSON.stringify(props.form));
  const [version, setVersion] = useState(props.version);
  const [validation, setValidation] = useState<TValidationAnswer | null>(null);
  // The form (as JSON) the shown validation belongs to: anything else means a check is pending.
  const [validatedKey, setValidatedKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [working, setWorking] = useState(false);
  const seq = useRef(0);
  const expectationsEditor = useRef<PolicyEditorApi>(null);
  const formKey = JSON.stringify(form);
  const dirty = formKey !== savedForm;
  const busy = validatedKey !== formKey;
  const cluster = useMemo(() => editorCluster(props.form.cluster), [props.form.cluster]);

  const set = useCallback(<K extends keyof TAuthorForm>(key: K, value: TAuthorForm[K]) => setForm((f) => ({ ...f, [key]: value })), []);

  // Debounced live validation; answers to older requests are dropped.
  useEffect(() => {
    const mine = ++seq.current;
    const key = JSON.stringify(form);
    const timer = setTimeout(async () => {
      // The server refuses a section over its cap with the same message: say so here without sending it.
      const oversized = sectionSizeErrors(form);
      if (oversized.length > 0) {
        setValidation((prev) => ({ ok: false, sectionErrors: oversized, findings: [], mutation: null, survivors: [], referenceLint: [], matrix: null, ms: 0, cached: false, taskHtml: prev?.taskHtml ?? '', explanationHtml: prev?.explanationHtml ?? '' }));
        setValidatedKey(key);
        return;
      }
      try {
        const res = await fetch('/api/author/validate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form) });
        if (mine !== seq.current) return;
        if (!res.ok) {
          setNotice({ kind: 'error', text: `Validation failed: ${await apiErrorMessage(res)}` });
          return;
        }
        const answer = (await res.json()) as TValidationAnswer;
        if (mine !== seq.current) return;
        setValidation(answer);
        setValidatedKey(key);
      } catch {
        if (mine === seq.current) setNotice({ kind: 'error', text: 'Could not reach the server to validate; your edits are kept here.' });
      }
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form]);

  // Leaving with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);

  const save = async (): Promise<boolean> => {
    setWorking(true);
    setNotice(null);
    try {
      const res = await fetch(`/api/author/scenarios/${props.slug}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ form, baseVersion: version }) });
      if (!res.ok) {
        setNotice({ kind: 'error', text: `Not saved: ${await apiErrorMessage(res)}` });
        return false;
      }
      const body = (await res.json()) as { version: number; outcome: 'unchanged' | 'updated' | 'new-version' };
      setVersion(body.version);
      setSavedForm(JSON.stringify(form));
      setNotice({ kind: 'ok', text: body.outcome === 'new-version' ? `Saved as version ${body.version} (a draft: learners keep the published version until you publish).` : `Saved version ${body.version}.` });
      router.refresh();
      return true;
    } catch {
      setNotice({ kind: 'error', text: 'Could not reach the server; your edits are kept here.' });
      return false;
    } finally {
      setWorking(false);
    }
  };

  const setPublished = async (publish: boolean) => {
    if (publish && dirty && !(await save())) return;
    setWorking(true);
    setNotice(null);
    try {
      const res = await fetch(`/api/author/scenarios/${props.slug}/publish`, { method: publish ? 'POST' : 'DELETE' });
      if (!res.ok) {
        setNotice({ kind: 'error', text: `${publish ? 'Not published' : 'Not unpublished'}: ${await apiErrorMessage(res)}` });
        return;
      }
      setNotice({ kind: 'ok', text: publish ? `Published: learners now get version ${version}.` : 'Unpublished: learners no longer see this scenario.' });
      router.refresh();
    } finally {
      setWorking(false);
    }
  };

  const onToggle = (c: TMatrixClick, why?: string): string | null => {
    const r = toggleExpectationYaml(form.expectations, c, why);
    if ('error' in r) return r.error;
    // Through the editor, so its text and the form stay one (setText reports the change back via onChange).
    if (expectationsEditor.current) expectationsEditor.current.setText(r.yaml);
    else set('expectations', r.yaml);
    return null;
  };

  const readOnly = props.source === 'content';
  const latest = props.versions[0];
  const publishedVersion = props.versions.find((v) => v.published)?.version ?? null;

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href="/author" className="text-sky-800 underline">
              Authoring
            </Link>{' '}
            / <code>{props.slug}</code>
          </p>
          <h1 className="text-2xl font-semibold">{form.title || props.slug}</h1>
          <p className="text-sm text-slate-600" data-testid="version-state">
            Editing version {version}
            {latest?.published && latest.version === version ? ' (published)' : ' (draft)'}
            {publishedVersion !== null ? ` · learners see version ${publishedVersion}` : ' · not published'}
            {dirty ? ' · unsaved changes' : ''}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => void save()} disabled={working || !dirty || readOnly} className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white disabled:opacity-50">
            Save
          </button>
          <button
            type="button"
            onClick={() => void setPublished(true)}
            disabled={working || !validation?.ok || busy || readOnly}
            title={validation?.ok ? 'Publish this version for learners' : 'Fix every problem first'}
            className="rounded-md bg-emerald-700 px-3 py-2 text-sm font-medium text-white disabled:opacity-50"
          >
            Publish
          </button>
          {publishedVersion !== null && !readOnly && (
            <button type="button" onClick={() => void setPublished(false)} disabled={working} className="rounded-md px-3 py-2 text-sm font-medium text-rose-800 ring-1 ring-rose-300">
              Unpublish
            </button>
          )}
          <Link href={`/author/${props.slug}/preview`} className="rounded-md px-3 py-2 text-sm font-medium text-sky-800 ring-1 ring-sky-300">
            Preview as learner
          </Link>
          <a href={`/api/author/scenarios/${props.slug}/export`} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300">
            Export YAML
          </a>
        </div>
      </header>
      {readOnly && (
        <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This scenario comes from <code>content/scenarios/{props.slug}.yaml</code>: change that file (the seeder publishes it as a new version) or clone it to edit a copy here. The checks below still run as you experiment.
        </p>
      )}
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={`rounded-md px-3 py-2 text-sm ${notice.kind === 'error' ? 'bg-rose-50 text-rose-900' : 'bg-emerald-50 text-emerald-900'}`}>
          {notice.text}
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-4">
          <Section id="meta" title={SECTION_LABELS.metadata} section="metadata" validation={validation}>
            <div className="grid gap-2 sm:grid-cols-2">
              <label className="text-sm sm:col-span-2">
                <span className="font-medium">Title</span>
                <input className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" value={form.title} onChange={(e) => set('title', e.target.value)} />
              </label>
              <label className="text-sm">
                <span className="font-medium">Kind</span>
                <select className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" value={form.kind} onChange={(e) => set('kind', e.target.value as TAuthorForm['kind'])}>
                  <option value="write">write (learner submits policies)</option>
                  <option value="predict">predict (learner fills a matrix)</option>
                </select>
              </label>
              <label className="text-sm">
                <span className="font-medium">Task namespace</span>
                <input className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono" value={form.namespace} onChange={(e) => set('namespace', e.target.value)} />
              </label>
              <label className="text-sm">
                <span className="font-medium">Difficulty (1–3)</span>
                <input type="number" min={1} max={3} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" value={form.difficulty} onChange={(e) => set('difficulty', Number(e.target.value))} />
              </label>
              <label className="text-sm">
                <span className="font-medium">Time budget (minutes)</span>
                <input type="number" min={1} max={120} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" value={form.timeMinutes} onChange={(e) => set('timeMinutes', Number(e.target.value))} />
              </label>
            </div>
            <fieldset className="mt-2 text-sm">
              <legend className="font-medium">Topics</legend>
              <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
                {TOPICS.map((t) => (
                  <label key={t} className="inline-flex items-center gap-1">
                    <input type="checkbox" checked={form.topics.includes(t)} onChange={(e) => set('topics', e.target.checked ? [...form.topics, t] : form.topics.filter((x) => x !== t))} />
                    {t}
                  </label>
                ))}
              </div>
            </fieldset>
            <label className="mt-2 inline-flex items-center gap-2 text-sm">
              <input type="checkbox" checked={form.denyAllIsAnswer} onChange={(e) => set('denyAllIsAnswer', e.target.checked)} />
              A deny-all policy is the intended answer (skips that canonical wrong-answer check)
            </label>
          </Section>

          <Section id="task" title={SECTION_LABELS.task} section="task" validation={validation} hint="Markdown, worded like a CKA task: name the namespace and the policy names.">
            <textarea aria-label="Task (Markdown)" rows={6} className="block w-full rounded-md border border-slate-300 p-2 text-sm" value={form.task} onChange={(e) => set('task', e.target.value)} />
            {validation && (
              <details open className="text-sm">
                <summary className="cursor-pointer text-slate-600">Preview (as learners see it)</summary>
                <div className="prose-task mt-1 rounded border border-slate-200 p-2" data-testid="task-preview" dangerouslySetInnerHTML={{ __html: validation.taskHtml }} />
              </details>
            )}
          </Section>

          <Section id="cluster" title={SECTION_LABELS.cluster} section="cluster" validation={validation} hint="namespaces (name, labels), pods (namespace, name, labels, ip, ports), externals (name, ip).">
            <PolicyEditor id="cluster-editor" label="Cluster YAML" plainYaml initialText={form.cluster} cluster={null} taskNamespace={form.namespace} vimMode={props.vimMode} onChange={(v) => set('cluster', v)} />
          </Section>

          <Section id="existing" title={SECTION_LABELS.existingPolicies} section="existingPolicies" validation={validation} hint="NetworkPolicies already in the cluster (predict tasks reason about these).">
            <PolicyEditor id="existing-editor" label="Existing policies YAML" initialText={form.existingPolicies} cluster={cluster} taskNamespace={form.namespace} vimMode={props.vimMode} onChange={(v) => set('existingPolicies', v)} />
          </Section>

          {form.kind === 'write' && (
            <Section id="solution" title={SECTION_LABELS.solution} section="solution" validation={validation} hint="Hidden from learners until they pass or give up.">
              <PolicyEditor id="solution-editor" label="Reference solution YAML" initialText={form.solution} cluster={cluster} taskNamespace={form.namespace} vimMode={props.vimMode} onChange={(v) => set('solution', v)} />
            </Section>
          )}

          <Section id="expectations" title={SECTION_LABELS.expectations} section="expectations" validation={validation} hint="Hidden flows the grader checks: from, to, port, protocol, allowed, why. Click matrix cells to add or remove them.">
            <PolicyEditor ref={expectationsEditor} id="expectations-editor" label="Expectations YAML" plainYaml initialText={form.expectations} cluster={null} taskNamespace={form.namespace} vimMode={props.vimMode} onChange={(v) => set('expectations', v)} />
          </Section>

          <Section id="starter" title={SECTION_LABELS.starter} section="starter" validation={validation} hint="Optional: the learner's initial editor text (fix-it tasks put the broken policy here).">
            <PolicyEditor id="starter-editor" label="Starter YAML" initialText={form.starter} cluster={cluster} taskNamespace={form.namespace} vimMode={props.vimMode} onChange={(v) => set('starter', v)} />
          </Section>

          <Section id="requirements" title={SECTION_LABELS.requirements} section="requirements" validation={validation} hint="Optional: - { type: policy-exists, name, namespace } or - { type: namespace-only, namespace }.">
            <YamlArea id="requirements-yaml" label="Requirements YAML" value={form.requirements} onChange={(v) => set('requirements', v)} rows={4} />
          </Section>

          <Section id="ports" title={SECTION_LABELS.ports} section="ports" validation={validation} hint="Optional: ports of the learners' matrix (and of the matrix here); default: the expectations' ports.">
            <YamlArea id="ports-yaml" label="Matrix ports YAML" value={form.ports} onChange={(v) => set('ports', v)} rows={3} />
          </Section>

          <Section id="explanation" title={SECTION_LABELS.explanation} section="explanation" validation={validation} hint="Markdown shown after a pass or give-up.">
            <textarea aria-label="Explanation (Markdown)" rows={5} className="block w-full rounded-md border border-slate-300 p-2 text-sm" value={form.explanation} onChange={(e) => set('explanation', e.target.value)} />
          </Section>

          <Section id="hints" title={SECTION_LABELS.hints} section="hints" validation={validation} hint="One to three progressive hints.">
            {[0, 1, 2].map((i) => (
              <label key={i} className="block text-sm">
                <span className="font-medium">Hint {i + 1}</span>
                <input
                  className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
                  value={form.hints[i] ?? ''}
                  onChange={(e) => {
                    const next = [...form.hints];
                    while (next.length <= i) next.push('');
                    next[i] = e.target.value;
                    set('hints', next);
                  }}
                />
              </label>
            ))}
          </Section>
        </div>

        <aside className="min-w-0 space-y-4 lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:self-start lg:overflow-y-auto">
          <section aria-labelledby="validation-h" className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
            <h2 id="validation-h" className="font-semibold">
              Live check (same checks as npm run content:check)
            </h2>
            <ValidationPanel validation={validation} busy={busy} />
          </section>
          <section aria-labelledby="matrix-h" className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
            <h2 id="matrix-h" className="font-semibold">
              Connectivity matrix
            </h2>
            {!validation?.matrix ? (
              <p className="text-sm text-slate-600">The matrix appears once the scenario matches the format.</p>
            ) : 'error' in validation.matrix ? (
              <p className="text-sm text-rose-800">{validation.matrix.error}</p>
            ) : (
              <AuthorMatrix matrix={validation.matrix} onToggle={onToggle} />
            )}
          </section>
          <section aria-labelledby="versions-h" className="space-y-1 rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
            <h2 id="versions-h" className="font-semibold">
              Versions
            </h2>
            <p className="text-xs text-slate-600">Saving a published or already attempted version starts a new draft version; attempts keep the version they were made on.</p>
            <ul>
              {props.versions.map((v) => (
                <li key={v.version} className="flex justify-between gap-2">
                  <span>
                    v{v.version} {v.published ? <span className="rounded bg-emerald-100 px-1 text-emerald-900">published</span> : <span className="rounded bg-slate-100 px-1">draft</span>}
                  </span>
                  <span className="text-slate-600">
                    {v.attempts} attempt{v.attempts === 1 ? '' : 's'} ·{' '}
                    <a className="text-sky-800 underline" href={`/api/author/scenarios/${props.slug}/export?version=${v.version}`}>
                      export
                    </a>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
