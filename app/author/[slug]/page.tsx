import type { Metadata } from 'next';
import { scenarioToForm } from '@/lib/authoring/author-form';
import { loadEditableOrNotFound } from './load-editable';
import { ScenarioEditor } from './scenario-editor';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit scenario' };

/** The scenario editor page (owner or admin; others get a 404 so drafts stay invisible). */
export default async function EditScenarioPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, scenario: s } = await loadEditableOrNotFound(slug, `/author/${slug}`);
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
