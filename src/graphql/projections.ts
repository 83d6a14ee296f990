import { articleProjections } from '../modules/article/article.projection';
import { expertProjections } from '../modules/expert/expert.projection';
import { organisationProjections } from '../modules/organisation/organisation.projection';
import { quoteProjections } from '../modules/quote/quote.projection';
import { searchProjections } from '../modules/search/search.projection';
import { topicProjections } from '../modules/topic/topic.projection';
import type { TypeProjection } from './compiled/projection';

/** Every module's projections, merged by type: a module may add fields to another's type (Expert.quotes). */
export function allProjections(): Record<string, TypeProjection> {
  const merged: Record<string, TypeProjection> = {};
  for (const part of [articleProjections, expertProjections, organisationProjections, quoteProjections, searchProjections, topicProjections]) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}
