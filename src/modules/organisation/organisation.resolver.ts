import { and, eq, sql, type SQL } from 'drizzle-orm';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { organisations, type OrganisationRow } from '../../db/schema';
import { listPage } from '../../graphql/batch';
import type { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { IdOrSlugArgs, lookupByIdOrSlug } from '../../graphql/lookup';
import { pageWindow } from '../../graphql/relay';
import { containsPattern, likePattern } from '../../graphql/search-pattern';
import { OrganisationsArgs } from './organisation.args';
import type { OrganisationFilter } from './organisation.input';
import { aliasesByOrganisation, organisationById, organisationBySlug, type OrganisationEntity } from './organisation.loaders';
import { Organisation, OrganisationConnection } from './organisation.type';
import { Bounded } from '../../graphql/list-bound';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true, description: 'One organisation by id or slug; null when none matches.' })
  organisation(@Args(() => IdOrSlugArgs) args: IdOrSlugArgs, @Ctx() ctx: Context): Promise<OrganisationEntity | null> {
    return lookupByIdOrSlug(args, 'Organisation', organisationById(ctx), organisationBySlug(ctx));
  }

  @Query(() => OrganisationConnection)
  organisations(@Args(() => OrganisationsArgs) args: OrganisationsArgs, @Ctx() ctx: Context) {
    return listPage<OrganisationRow, 'Organisation'>(ctx, 'Organisation', organisations, organisationWhere(args.filter), pageWindow(args));
  }

  @Bounded(100)
  @FieldResolver(() => [String], { description: 'Names it goes by in the press, e.g. الإنتربول, Interpol (at most 100).' })
  aliases(@Root() org: OrganisationEntity, @Ctx() ctx: Context): Promise<string[]> {
    return aliasesByOrganisation(ctx).load(org.id);
  }
}

function organisationWhere(filter: OrganisationFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
  if (filter.country != null) {
    if (!/^[A-Za-z]{2}$/.test(filter.country)) throw badUserInput('filter.country: use a two-letter ISO 3166-1 code such as MA.', 'filter.country');
    conditions.push(eq(organisations.country, filter.country.toUpperCase()));
  }
  if (filter.search != null) {
    const pattern = containsPattern(filter.search, 'filter.search');
    conditions.push(sql`${organisations.id} IN (SELECT id FROM organisation_search_docs WHERE ${likePattern(sql`doc`, pattern)})`);
  }
  return and(...conditions);
}

