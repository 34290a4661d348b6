import { NextResponse } from 'next/server';
import { pingDatabase } from '@/lib/db/client';
import { databaseUnavailableReason } from '@/lib/db/errors';

// Health must reflect the database now, never a cached build-time answer.
export const dynamic = 'force-dynamic';

/** 200 `{ status: "ok" }` when the database answers `SELECT 1`, else 503 `{ status: "unavailable", reason }`. */
export async function GET(): Promise<NextResponse> {
  const result = await pingDatabase();
  if (result.ok) return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  // A short reason only: no stack, no connection string.
  const reason = databaseUnavailableReason(result.error) ?? 'database error';
  return NextResponse.json({ status: 'unavailable', reason }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
}
