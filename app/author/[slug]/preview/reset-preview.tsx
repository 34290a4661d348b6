'use client';

/** Starts the preview over: no hints, not passed, no solution; the browser's draft is cleared too. */
export function ResetPreview({ slug }: { slug: string }) {
  return (
    <button
      type="button"
      className="rounded-md px-3 py-1 text-sm font-medium text-amber-900 ring-1 ring-amber-400"
      onClick={async () => {
        await fetch(`/api/author/scenarios/${slug}/preview`, { method: 'DELETE' });
        try {
          window.localStorage.removeItem(`netpol-lab:draft:${slug}`);
        } catch {
          // storage disabled: nothing to clear
        }
        window.location.reload();
      }}
    >
      Start over
    </button>
  );
}
