'use client';

import { useEffect } from 'react';

/** Error boundary for pages: says what happened and offers a retry (details stay in the server log). */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 rounded-lg border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 className="text-xl font-semibold">Something went wrong on the server</h1>
      <p className="text-sm">
        The page could not be loaded. Your work in the editor is kept in this browser; try again in a moment.
        {error.digest ? <span className="block pt-1 text-xs text-red-700">Reference: {error.digest}</span> : null}
      </p>
      <button type="button" onClick={reset} className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-600">
        Try again
      </button>
    </div>
  );
}
