import { randomInt } from 'node:crypto';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/db/author/types';
import { assertAuthor } from '@/lib/db/author/assert-author';
import type { TCohort } from './types';

// No 0/O, 1/I/L: codes are read aloud and typed from slides.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random join code (8 characters, ~39 bits). */
export function newJoinCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** Creates a cohort taught by the actor, with a fresh join code. */
export async function createCohort(actor: TActor, name: string): Promise<TCohort> {
  assertAuthor(actor);
  const clean = name.trim();
  if (!clean) throw new AppError('BAD_REQUEST', 'a cohort needs a name');
  for (let tries = 0; tries < 5; tries++) {
    try {
      const c = await db.cohort.create({ data: { name: clean, code: newJoinCode(), instructorId: actor.id } });
      return { ...c, members: 0 };
    } catch (err) {
      // A code collision: draw again.
      if ((err as { code?: unknown }).code !== 'P2002') throw err;
    }
  }
  throw new AppError('INTERNAL', 'could not draw a unique join code');
}
