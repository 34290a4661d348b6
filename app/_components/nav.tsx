import Link from 'next/link';
import { getOptionalUser, canAuthor, type TSessionUser } from '@/lib/auth';
import { isDatabaseUnavailable } from '@/lib/errors';
import { NavLinks, type TNavItem } from './nav-links';
import { SignOutButton } from './sign-out-button';

// The nav must render even when the database is down (the page below shows the real error).
async function loadUser(): Promise<TSessionUser | null> {
  try {
    return await getOptionalUser();
  } catch (err) {
    if (isDatabaseUnavailable(err)) return null;
    throw err;
  }
}

/** The site header: brand, main sections, and the account controls. */
export async function Nav() {
  const user = await loadUser();
  const items: TNavItem[] = [
    { href: '/scenarios', label: 'Scenarios' },
    { href: '/drills', label: 'Drills' },
    { href: '/progress', label: 'Progress' },
    { href: '/attempts', label: 'Attempts' },
  ];
  // Cohorts are joined and run by signed-in users only (learners join by link, authors create them).
  if (user) items.push({ href: '/cohorts', label: 'Cohorts' });
  if (user && canAuthor(user.role)) items.push({ href: '/author', label: 'Author' });
  return (
    <header className="bg-slate-900 text-white">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <div className="flex flex-wrap items-center gap-4">
          <Link href="/" className="rounded-md px-1 py-1 text-lg font-semibold tracking-tight">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="mr-1.5 inline-block h-5 w-5 align-[-3px] text-sky-400" fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round">
              <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" />
              <path d="m8.5 12 2.5 2.5 4.5-5" strokeLinecap="round" />
            </svg>
            Netpol Lab
          </Link>
          <NavLinks items={items} />
        </div>
        <div className="flex items-center gap-2 text-sm">
          {user ? (
            <>
              <span className="hidden text-slate-400 sm:inline" title={`role: ${user.role}`}>
                {user.name || user.email}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="rounded-md px-3 py-2 font-medium text-slate-300 hover:bg-slate-800 hover:text-white">
                Sign in
              </Link>
              <Link href="/sign-up" className="rounded-md bg-sky-600 px-3 py-2 font-medium text-white hover:bg-sky-500">
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
