import { Args, FieldResolver, Query, Resolver } from 'type-graphql';
import { organisationAliases, organisations } from '../../db/schema';
import { equals, filteredConnection } from '../../graphql/compiled/filters';
import { bySql, columnOf, lookupField, Sql, tableOf } from '../../graphql/compiled/projection';
import { badUserInput } from '../../graphql/errors';
import { Bounded } from '../../graphql/list-bound';
import { IdOrSlugArgs } from '../../graphql/lookup';
import { containsPattern, searchFormLike } from '../../graphql/search-pattern';
import { ORGANISATION_ORDER, OrganisationsArgs } from './organisation.args';
import { Organisation, OrganisationConnection } from './organisation.type';

const ALIASES = tableOf(organisationAliases);

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true, description: 'One organisation by id or slug; null when none matches.' })
  @Sql(lookupField('Organisation', organisations))
  organisation(@Args(() => IdOrSlugArgs) _args: IdOrSlugArgs): never {
    return bySql();
  }

  @Query(() => OrganisationConnection, { description: 'Organisations in the order they were added, narrowed by a filter.' })
  @Sql(
    filteredConnection(
      'Organisation',
      organisations,
      {
        category: equals((child) => columnOf(child, organisations.category)),
        country: {
          bind: (value, _ctx, argument) => {
            if (!/^[A-Za-z]{2}$/.test(value as string)) throw badUserInput(`${argument}: use a two-letter ISO 3166-1 code such as MA.`, argument);
            return (value as string).toUpperCase();
          },
          sql: (child, value) => `${columnOf(child, organisations.country)} = ${value()}`,
        },
        // Its names and aliases (the organisation_search_docs view).
        search: {
          bind: (value, _ctx, argument) => containsPattern(value as string, argument),
          sql: (child, value) => `${child}."id" IN (SELECT id FROM organisation_search_docs WHERE ${searchFormLike('doc', value())})`,
        },
      },
      undefined,
      ORGANISATION_ORDER.orders,
    ),
  )
  organisations(@Args(() => OrganisationsArgs) _args: OrganisationsArgs): never {
    return bySql();
  }

  @Bounded(100)
  @FieldResolver(() => [String], { description: 'Names it goes by in the press, e.g. الإنتربول, Interpol (at most 100).' })
  // In the aliases' order; [] for none. group_concat keeps the order of an ordered FROM subquery (see jsonArray in compile.ts).
  @Sql({
    kind: 'json',
    sql: (self, limit) =>
      `concat('[', (SELECT group_concat(json_quote(alias), ',') FROM (SELECT ${columnOf(ALIASES, organisationAliases.alias)} AS alias FROM ${ALIASES} WHERE ${columnOf(ALIASES, organisationAliases.organisationId)} = ${self}."id" ORDER BY ${columnOf(ALIASES, organisationAliases.alias)} LIMIT ${limit})), ']')`,
  })
  aliases(): never {
    return bySql();
  }
}
