import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getOptionalUser, canAuthor } from '@/lib/auth';
import { isDatabaseUnavailable } from '@/lib/errors';
import { listAuthorScenarios } from '@/lib/db/author/list-author-scenarios';
import { listPublishedScenarios } from '@/lib/db/progress/list-published-scenarios';
import { formatDateTime } from '@/app/_components/format';
import { ServiceUnavailable } from '@/app/_components/service-unavailable';
import { CreateForms } from './create-forms';

export const metadata: Metadata = { title: 'Authoring' };
export const dynamic = 'force-dynamic';

/** The instructor's scenarios (draft / published, versions, attempts) and the ways to start a new one. */
export default async function AuthorPage() {
  const user = await getOptionalUser().catch((err) => {
    if (isDatabaseUnavailable(err)) return undefined;
    throw err;
  });
  if (user === undefined) return <ServiceUnavailable what="your scenarios" />;
  if (!user) redirect('/sign-in?callbackUrl=%2Fauthor');
  if (!canAuthor(user.role)) {
    return (
      <div className="rounded-lg bg-white p-6 ring-1 ring-slate-200">
        <h1 className="text-2xl font-semibold">Authoring</h1>
        <p className="mt-2 text-slate-700">Writing scenarios needs the instructor role. Ask an admin to run <code>npm run user:create -- --email you@example.com --password … --role instructor</code>.</p>
      </div>
    );
  }
  const actor = { id: user.id, role: user.role };
  let scenarios: Awaited<ReturnType<typeof listAuthorScenarios>>;
  let published: { slug: string; title: string }[];
  try {
    const [mine, all] = await Promise.all([listAuthorScenarios(actor), listPublishedScenarios()]);
    scenarios = mine;
    published = all.map((s) => ({ slug: s.slug, title: s.title })).sort((a, b) => a.title.localeCompare(b.title));
  } catch (err) {
    if (isDatabaseUnavailable(err)) return <ServiceUnavailable what="your scenarios" />;
    throw err;
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">Authoring</h1>
          <p className="mt-1 text-sm text-slate-600">
            {user.role === 'admin' ? 'Every scenario (you are an admin).' : 'Your scenarios.'} Drafts are visible to you only; learners get the newest published version.
          </p>
        </div>
        <Link href="/cohorts" className="rounded-md px-3 py-2 text-sm font-medium text-sky-800 ring-1 ring-sky-300">
          Cohorts
        </Link>
      </div>
      {scenarios.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-slate-600 ring-1 ring-slate-200">No scenarios yet: create, import or clone one below.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-sm" data-testid="author-scenarios">
            <caption className="sr-only">Scenarios you can edit</caption>
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">Scenario</th>
                <th scope="col" className="px-3 py-2">State</th>
                <th scope="col" className="px-3 py-2">Versions</th>
                <th scope="col" className="px-3 py-2">Attempts</th>
                <th scope="col" className="px-3 py-2">Changed</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s) => (
                <tr key={s.slug} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/author/${s.slug}`} className="font-medium text-sky-800 underline">
                      {s.title}
                    </Link>
                    <div className="font-mono text-xs text-slate-500">
                      {s.slug}
                      {s.source === 'content' ? ' · from content/' : ''}
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    {s.publishedVersion !== null ? <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-900">published v{s.publishedVersion}</span> : <span className="rounded bg-slate-100 px-1.5 py-0.5">draft</span>}
                    {s.publishedVersion !== null && s.hasDraft && <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">draft v{s.latestVersion}</span>}
                  </td>
                  <td className="px-3 py-2">{s.versions}</td>
                  <td className="px-3 py-2">{s.attempts}</td>
                  <td className="px-3 py-2 text-slate-600">{formatDateTime(s.updatedAt)}</td>
                  <td className="space-x-2 whitespace-nowrap px-3 py-2">
                    <Link href={`/author/${s.slug}/preview`} className="text-sky-800 underline">
                      Preview
                    </Link>
                    <a href={`/api/author/scenarios/${s.slug}/export`} className="text-sky-800 underline">
                      Export
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateForms published={published} />
    </div>
  );
}
