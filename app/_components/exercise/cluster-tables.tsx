import type { EditorCluster } from '@/lib/editor/complete';
import { namespaceRows, podRows } from '@/lib/editor/cluster-view';

const th = 'px-2 py-1 text-left font-semibold text-slate-600';

/** A comma-joined list (kubectl labels, ports), breakable only after a separator. */
function Labels({ text, sep = ',' }: { text: string; sep?: string }) {
  const parts = text.split(sep);
  return (
    <>
      {parts.map((p, i) => (
        <span key={i} className="whitespace-nowrap">
          {p}
          {i < parts.length - 1 ? sep : ''}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </>
  );
}
const td = 'px-2 py-1 align-top';

/** The scenario's cluster as `kubectl get ns --show-labels`, `kubectl get pods -A -o wide --show-labels` and externals. */
export function ClusterTables({ cluster }: { cluster: EditorCluster }) {
  const namespaces = namespaceRows(cluster);
  const pods = podRows(cluster);
  return (
    <section aria-labelledby="cluster-heading" className="space-y-4">
      <h2 id="cluster-heading" className="text-lg font-semibold">
        The cluster
      </h2>
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Namespaces">
        <table className="w-full font-mono text-xs" data-testid="namespaces-table">
          <caption className="px-2 py-1 text-left font-sans text-sm text-slate-700">
            <code>$ kubectl get ns --show-labels</code>
          </caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className={th}>NAME</th>
              <th scope="col" className={th}>STATUS</th>
              <th scope="col" className={th}>LABELS</th>
            </tr>
          </thead>
          <tbody>
            {namespaces.map((n) => (
              <tr key={n.name} className="border-b border-slate-100 last:border-0">
                <th scope="row" className={`${td} text-left font-normal`}>{n.name}</th>
                <td className={td}>{n.status}</td>
                <td className={td}>
                  <Labels text={n.labels} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Pods">
        <table className="w-full font-mono text-xs" data-testid="pods-table">
          <caption className="px-2 py-1 text-left font-sans text-sm text-slate-700">
            <code>$ kubectl get pods -A -o wide --show-labels</code> (plus the declared container ports)
          </caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className={th}>NAMESPACE</th>
              <th scope="col" className={th}>NAME</th>
              <th scope="col" className={th}>STATUS</th>
              <th scope="col" className={th}>IP</th>
              <th scope="col" className={th}>PORTS</th>
              <th scope="col" className={th}>LABELS</th>
            </tr>
          </thead>
          <tbody>
            {pods.map((p) => (
              <tr key={`${p.namespace}/${p.name}`} className="border-b border-slate-100 last:border-0">
                <td className={td}>{p.namespace}</td>
                <th scope="row" className={`${td} text-left font-normal`}>{p.name}</th>
                <td className={td}>{p.status}</td>
                <td className={td}>{p.ip}</td>
                <td className={td}>
                  <Labels text={p.ports} sep=", " />
                </td>
                <td className={td}>
                  <Labels text={p.labels} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cluster.externals.length > 0 && (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="External endpoints">
          <table className="w-full font-mono text-xs" data-testid="externals-table">
            <caption className="px-2 py-1 text-left font-sans text-sm text-slate-700">Endpoints outside the cluster</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className={th}>NAME</th>
                <th scope="col" className={th}>IP</th>
              </tr>
            </thead>
            <tbody>
              {cluster.externals.map((e) => (
                <tr key={e.name} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className={`${td} text-left font-normal`}>{e.name}</th>
                  <td className={td}>{e.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
