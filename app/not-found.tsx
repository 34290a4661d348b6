import Link from 'next/link';

/** 404 page (also what another user's attempt id shows: its existence is not confirmed). */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-3 py-10 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-600">This page does not exist, or it belongs to another account.</p>
      <p>
        <Link href="/scenarios" className="font-medium text-sky-700 underline">Browse scenarios</Link>
        {' · '}
        <Link href="/attempts" className="font-medium text-sky-700 underline">Your attempts</Link>
      </p>
    </div>
  );
}
