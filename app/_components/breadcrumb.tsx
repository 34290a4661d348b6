import Link from 'next/link';

/** The one-level breadcrumb above a page: the section it belongs to (a link), then the current page. */
export function Breadcrumb({ parent, current }: { parent: { href: string; label: string }; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href={parent.href} className="text-sky-800 underline">
        {parent.label}
      </Link>{' '}
      / <span aria-current="page">{current}</span>
    </nav>
  );
}
