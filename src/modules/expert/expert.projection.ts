import { experts } from '../../db/schema';
import { columns, globalIdField, lookupField, rootList, type TypeProjection } from '../../graphql/compiled/projection';

/** Expert's own fields, and the root fields that return experts, as SQL for the compiled executor. */
export const expertProjections: Record<string, TypeProjection> = {
  Expert: {
    id: globalIdField('Expert'),
    ...columns({ slug: experts.slug, name: experts.name, nameLatin: experts.nameLatin, title: experts.title }),
  },
  Query: { expert: lookupField('Expert', experts), experts: rootList('Expert', experts) },
};
