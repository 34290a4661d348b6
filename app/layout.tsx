import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Nav } from './_components/nav';
import './globals.css';

/** Site-wide metadata. */
export const metadata: Metadata = {
  title: { default: 'Netpol Lab', template: '%s · Netpol Lab' },
  description: 'Practise Kubernetes NetworkPolicies, graded by connectivity, with feedback that points at the line.',
};

/** Root layout: skip link, navigation, main landmark. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts), which prerendered
  // HTML could not. Explicit here so that a page that reads no cookie does not become static.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900 focus:shadow">
          Skip to content
        </a>
        <Nav />
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 py-6 text-xs text-slate-500">
          Netpol Lab: NetworkPolicy practice graded by an exact engine, no cluster needed.
        </footer>
      </body>
    </html>
  );
}
