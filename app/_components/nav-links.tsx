'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** One entry of the main navigation. */
export type TNavItem = { href: string; label: string };

/** The main navigation links; the current section is marked with aria-current for screen readers. */
export function NavLinks({ items }: { items: TNavItem[] }) {
  const pathname = usePathname() ?? '/';
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`rounded-md px-3 py-2 text-sm font-medium ${active ? 'bg-slate-800 text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
