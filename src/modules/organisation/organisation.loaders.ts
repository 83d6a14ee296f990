import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import { organisationAliases, organisations, type OrganisationRow } from '../../db/schema';
import { byIdLoader, bySlugLoader } from '../../graphql/batch';
import { groupBy } from '../../util/collections';
import type { Context } from '../../graphql/context';
import type { Tagged } from '../../graphql/node';

export type OrganisationEntity = Tagged<OrganisationRow, 'Organisation'>;

export const organisationById = (ctx: Context) => byIdLoader<OrganisationRow, 'Organisation'>(ctx, 'Organisation', organisations);
export const organisationBySlug = (ctx: Context) =>
  bySlugLoader<OrganisationRow, 'Organisation'>(ctx, 'Organisation', organisations);

export function aliasesByOrganisation(ctx: Context): DataLoader<number, string[]> {
  return ctx.loaders.get('organisation.aliases', () => new DataLoader(async (ids: readonly number[]) => {
    const rows = ctx.db
      .select()
      .from(organisationAliases)
      .where(inArray(organisationAliases.organisationId, [...ids]))
      .orderBy(asc(organisationAliases.alias))
      .all();
    const byOrg = groupBy(rows, (r) => r.organisationId);
    return ids.map((id) => (byOrg.get(id) ?? []).map((r) => r.alias));
  }));
}
