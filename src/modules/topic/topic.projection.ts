import { topics } from '../../db/schema';
import { columns, globalIdField, type TypeProjection } from '../../graphql/compiled/projection';

/** Topic's own fields as SQL for the compiled executor; the tree's fields are left to the resolvers. */
export const topicProjections: Record<string, TypeProjection> = {
  Topic: {
    id: globalIdField('Topic'),
    ...columns({ slug: topics.slug, labelAr: topics.labelAr, labelEn: topics.labelEn }),
  },
};
