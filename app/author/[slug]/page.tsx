import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getOptionalUser, canAuthor } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { scenarioToForm } from '@/lib/authoring/author-form';
import { findEditableScenario } from '@/lib/db/author/find-editable-scenario';
import { ScenarioEditor } from './scenario-editor';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit scenario' };

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The scenario editor page (owner or admin; others get a 404 so drafts stay invisible). */
export default async function EditScenarioPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG_RE.test(slug)) notFound();
  const user = await getOptionalUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/author/${slug}`)}`);
  if (!canAuthor(user.role)) notFound();
  let s;
  try {
    s = await findEditableScenario({ id: user.id, role: user.role }, slug);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  return (
    <ScenarioEditor
      slug={s.slug}
      version={s.version}
      published={s.published}
      source={s.source}
      form={scenarioToForm(s.content)}
      versions={s.versions.map((v) => ({ version: v.version, published: v.published, createdAt: v.createdAt.toISOString(), attempts: v.attempts }))}
      vimMode={user.vimMode}
    />
  );
}
