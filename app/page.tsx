import Link from 'next/link';
import { getOptionalUser } from '@/lib/auth';
import { isDatabaseUnavailable } from '@/lib/errors';

const FEATURES = [
  { title: 'Graded by connectivity', text: 'Your NetworkPolicy YAML runs through an exact engine that follows the Kubernetes rules. No cluster needed, results in milliseconds.' },
  { title: 'Feedback that points at the line', text: 'Every wrong flow says which policy and which rule decided it, and highlights the line in your YAML.' },
  { title: 'Exam-style practice', text: 'CKA-worded tasks, time budgets, progressive hints and timed drills. Progress shows your weakest topic and what to practise next.' },
];

/** Home page: what Netpol Lab is and where to start. */
export default async function HomePage() {
  let signedIn = false;
  try {
    signedIn = Boolean(await getOptionalUser());
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
  }
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-3xl font-bold tracking-tight">Practise Kubernetes NetworkPolicies</h1>
        <p className="mt-3 max-w-2xl text-slate-700">
          Write a policy, submit it, and see exactly which connections it allows or blocks, and why. Netpol Lab
          checks your answer against the expected connectivity of a small cluster and explains every difference.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/scenarios" className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-600">
            Browse scenarios
          </Link>
          {signedIn ? (
            <Link href="/progress" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
              Your progress
            </Link>
          ) : (
            <Link href="/sign-up" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
              Create a free account
            </Link>
          )}
          <Link href="/scenarios/default-deny-ingress" className="rounded-md px-4 py-2 text-sm font-semibold text-sky-800 underline">
            Try the first task
          </Link>
        </div>
      </section>
      <section aria-labelledby="features-heading">
        <h2 id="features-heading" className="sr-only">What you get</h2>
        <ul className="grid gap-4 md:grid-cols-3">
          {FEATURES.map((f) => (
            <li key={f.title} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h3 className="font-semibold">{f.title}</h3>
              <p className="mt-2 text-sm text-slate-600">{f.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
