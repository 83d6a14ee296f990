import { organisationAliases, organisations } from '../../db/schema';
import { columnOf, columns, globalIdField, lookupField, rootList, tableOf, type TypeProjection } from '../../graphql/compiled/projection';

const ALIASES = tableOf(organisationAliases);

/** Organisation's own fields and aliases, and the root fields that return organisations, as SQL for the compiled executor. */
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
    // As aliasesByOrganisation: in the aliases' order; [] for none.
    aliases: {
      kind: 'json',
      // group_concat keeps the order of an ordered FROM subquery (see jsonArray in compile.ts).
      sql: (self, limit) =>
        `concat('[', (SELECT group_concat(json_quote(alias), ',') FROM (SELECT ${columnOf(ALIASES, organisationAliases.alias)} AS alias FROM ${ALIASES} WHERE ${columnOf(ALIASES, organisationAliases.organisationId)} = ${self}."id" ORDER BY ${columnOf(ALIASES, organisationAliases.alias)} LIMIT ${limit})), ']')`,
    },
  },
  Query: { organisation: lookupField('Organisation', organisations), organisations: rootList('Organisation', organisations) },
};
