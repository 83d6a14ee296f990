import { organisations } from '../../db/schema';
import { columns, globalIdField, lookupField, rootList, type TypeProjection } from '../../graphql/compiled/projection';

/** Organisation's own fields, and the root fields that return organisations, as SQL for the compiled executor. */
export const organisationProjections: Record<string, TypeProjection> = {
  Organisation: {
    id: globalIdField('Organisation'),
    ...columns({
      slug: organisations.slug,
      name: organisations.name,
      nameEn: organisations.nameEn,
      acronym: organisations.acronym,
      kind: organisations.kind,
      country: organisations.country,
    }),
  },
  Query: { organisation: lookupField('Organisation', organisations), organisations: rootList('Organisation', organisations) },
};
