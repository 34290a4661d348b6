/** One policy already in the cluster: its YAML lines and `kubectl describe` text (computed on the server). */
export type TExistingPolicyView = { key: string; describe: string | null };

/** The policies already in the cluster: the YAML with line numbers (results point at them) and each as `kubectl describe`. */
export function ExistingPolicies({ yaml, policies, readOnlyNote }: { yaml: string; policies: TExistingPolicyView[]; readOnlyNote: string }) {
  const lines = yaml.replace(/\n$/, '').split('\n');
  const width = String(lines.length).length;
  return (
    <section aria-labelledby="existing-heading" className="space-y-2">
      <h2 id="existing-heading" className="text-lg font-semibold">
        Policies already in the cluster
      </h2>
      <p className="text-xs text-slate-600">{readOnlyNote}</p>
      <details open>
        <summary className="cursor-pointer text-sm font-semibold">
          As YAML <span className="font-normal text-slate-500">(kubectl get networkpolicy -A -o yaml)</span>
        </summary>
        <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100" data-testid="existing-yaml" tabIndex={0} aria-label="Existing policies as YAML">
          {lines.map((l, i) => (
            <div key={i} id={`existing-line-${i + 1}`} className="scroll-mt-24 target:bg-amber-700/60">
              <span className="select-none text-slate-500" aria-hidden="true">
                {String(i + 1).padStart(width, ' ')}{'  '}
              </span>
              {l || ' '}
            </div>
          ))}
        </pre>
      </details>
      {policies.map((p) =>
        p.describe ? (
          <details key={p.key}>
            <summary className="cursor-pointer text-sm font-semibold">
              <code>kubectl describe networkpolicy -n {p.key.split('/')[0]} {p.key.split('/')[1]}</code>
            </summary>
            <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs text-slate-900">{p.describe}</pre>
          </details>
        ) : null,
      )}
    </section>
  );
}
