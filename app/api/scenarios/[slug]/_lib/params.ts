import { z } from 'zod';
import { SLUG_PATTERN } from '@/lib/scenarios/schema';

/** A scenario slug in a URL: lowercase kebab-case, as the content format requires. */
export const ZSlugParam = z.string().max(100).regex(SLUG_PATTERN, { error: 'not a scenario slug' });

/** The dynamic segment of every /api/scenarios/{slug}/… route. */
export type TSlugContext = { params: Promise<{ slug: string }> };

/** The validated slug of the request. */
export async function slugOf(ctx: TSlugContext): Promise<string> {
  return ZSlugParam.parse((await ctx.params).slug);
}
