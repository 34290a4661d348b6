'use client';

import { useSyncExternalStore } from 'react';

/** How the predict answer sheet is shown: the 2-D grid or the one-flow-per-line list (better on phones). */
export type TPredictView = 'grid' | 'list';

const KEY = 'netpol-lab:predict-view';
const listeners = new Set<() => void>();
// The choice of this page load, for browsers where localStorage throws.
let chosen: TPredictView | null = null;

function read(): TPredictView {
  try {
    const v = window.localStorage.getItem(KEY);
    if (v === 'grid' || v === 'list') return v;
  } catch {
    // storage disabled: fall through to this page's choice or the default
  }
  if (chosen) return chosen;
  // No choice yet: narrow screens start with the list, where a wide grid would scroll sideways.
  return typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 639px)').matches ? 'list' : 'grid';
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The remembered view (localStorage, shared by every predict page); the server renders the grid. */
export function usePredictView(): [TPredictView, (v: TPredictView) => void] {
  const view = useSyncExternalStore(subscribe, read, () => 'grid' as const);
  const setView = (v: TPredictView) => {
    chosen = v;
    try {
      window.localStorage.setItem(KEY, v);
    } catch {
      // not remembered across loads; `chosen` still applies it on this page
    }
    for (const l of listeners) l();
  };
  return [view, setView];
}
