import { and, eq } from 'drizzle-orm';
import { Arg, Args, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { articles, organisationAliases, organisations, quotes } from '../../db/schema';
import type { Context } from '../../graphql/context';
import { conflict, curate, Deleted, existingId, notFoundBecause } from '../../graphql/mutation';
import { tag } from '../../graphql/node';
import { toGlobalId } from '../../graphql/relay';
import { AliasArgs, CreateOrganisationInput, UpdateOrganisationInput } from './organisation.input';
import type { OrganisationEntity } from './organisation.type';
import { Organisation } from './organisation.type';

@Resolver()
export class OrganisationMutationsResolver {
  @Mutation(() => Organisation, { description: 'Adds an organisation with its aliases. Needs the curator token.' })
  createOrganisation(
    @Arg('input', () => CreateOrganisationInput, { description: 'The organisation to add.' }) input: CreateOrganisationInput,
    @Ctx() ctx: Context,
  ): OrganisationEntity {
    return curate(ctx, 'organisation', () => {
      const { aliases, ...fields } = input;
      const row = ctx.db
        .insert(organisations)
        .values({ ...fields, category: fields.category ?? 'OTHER', country: fields.country?.toUpperCase() ?? null })
        .returning()
        .get();
      const unique = [...new Set(aliases ?? [])];
      if (unique.length)
        ctx.db
          .insert(organisationAliases)
          .values(unique.map((alias) => ({ organisationId: row.id, alias })))
          .run();
      return tag('Organisation', row);
    });
  }

  @Mutation(() => Organisation, { description: 'Changes an organisation; only the fields given change. Needs the curator token.' })
  updateOrganisation(
    @Arg('input', () => UpdateOrganisationInput, { description: 'The organisation and what changes.' }) input: UpdateOrganisationInput,
    @Ctx() ctx: Context,
  ): OrganisationEntity {
    return curate(ctx, 'organisation', () => {
      const id = existingOrganisation(ctx, input.id);
      const { id: _id, ...fields } = input;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null));
      if (typeof changes.country === 'string') changes.country = changes.country.toUpperCase();
      if (Object.keys(changes).length) ctx.db.update(organisations).set(changes).where(eq(organisations.id, id)).run();
      return reload(ctx, id);
    });
  }

  @Mutation(() => Deleted, {
    description: 'Removes an organisation that has made no statement and published no article. Needs the curator token.',
  })
  deleteOrganisation(@Arg('id', () => ID, { description: 'Its id.' }) globalId: string, @Ctx() ctx: Context): Deleted {
    return curate(ctx, 'organisation', () => {
      const id = existingOrganisation(ctx, globalId);
      if (ctx.db.select({ id: quotes.id }).from(quotes).where(eq(quotes.speakerOrganisationId, id)).get()) {
        throw conflict('This organisation is the speaker of quotes: reassign them (updateQuote) first.');
      }
      if (ctx.db.select({ id: articles.id }).from(articles).where(eq(articles.sourceId, id)).get()) {
        throw conflict('This organisation is the source of articles: it cannot be removed while they are.');
      }
      ctx.db.delete(organisations).where(eq(organisations.id, id)).run();
      return { id: toGlobalId('Organisation', id) };
    });
  }

  @Mutation(() => Organisation, { description: 'Adds a name the press uses for the organisation. Needs the curator token.' })
  addAlias(@Args(() => AliasArgs) { organisationId, alias }: AliasArgs, @Ctx() ctx: Context): OrganisationEntity {
    return curate(ctx, 'alias', () => {
      const id = existingOrganisation(ctx, organisationId);
      ctx.db.insert(organisationAliases).values({ organisationId: id, alias }).run();
      return reload(ctx, id);
    });
  }

  @Mutation(() => Organisation, { description: 'Removes one of the organisation’s aliases. Needs the curator token.' })
  removeAlias(@Args(() => AliasArgs) { organisationId, alias }: AliasArgs, @Ctx() ctx: Context): OrganisationEntity {
    return curate(ctx, 'alias', () => {
      const id = existingOrganisation(ctx, organisationId);
      const removed = ctx.db
        .delete(organisationAliases)
        .where(and(eq(organisationAliases.organisationId, id), eq(organisationAliases.alias, alias)))
        .run();
      if (removed.changes === 0) throw notFoundBecause(`The organisation has no alias "${alias}".`);
      return reload(ctx, id);
    });
  }
}

const existingOrganisation = (ctx: Context, globalId: string) => existingId(ctx, organisations, 'Organisation', globalId);

function reload(ctx: Context, id: number): OrganisationEntity {
  return tag('Organisation', ctx.db.select().from(organisations).where(eq(organisations.id, id)).get()!);
}
