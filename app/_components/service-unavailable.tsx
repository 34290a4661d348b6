/** Shown instead of page content when the database cannot be reached. */
export function ServiceUnavailable({ what }: { what: string }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
      <h2 className="font-semibold">The database is unavailable</h2>
      <p className="mt-1 text-sm">Could not load {what}. The server cannot reach its database right now; reload the page in a moment.</p>
    </div>
  );
}
