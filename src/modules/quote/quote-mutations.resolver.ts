import { eq } from 'drizzle-orm';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { articles, experts, organisations, quotes, quoteTopics, topics } from '../../db/schema';
import type { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { curate, Deleted, existingId, idByRef } from '../../graphql/mutation';
import { tag } from '../../graphql/node';
import { toGlobalId } from '../../graphql/relay';
import { UpdateQuoteInput } from './quote.input';
import type { QuoteEntity } from './quote.type';
import { speakerFromId, speakerFromSlug, type SpeakerRef } from './speaker.ref';
import { Quote } from './quote.type';

@Resolver()
export class QuoteMutationsResolver {
  @Mutation(() => Quote, { description: 'Fixes a quote’s speaker, text or topics. Needs the curator token.' })
  updateQuote(@Arg('input', () => UpdateQuoteInput, { description: 'The quote and what changes.' }) input: UpdateQuoteInput, @Ctx() ctx: Context): QuoteEntity {
    return curate(ctx, 'quote', () => {
      const quote = existingQuote(ctx, input.id);
      // Whatever a curator touches, re-extraction keeps.
      const changes: Partial<typeof quotes.$inferInsert> = { origin: 'CURATED' };
      if (input.text != null) Object.assign(changes, relocate(ctx, quote, input.text));
      if (input.speaker !== undefined) {
        const speaker = input.speaker === null ? null : speakerOf(ctx, input.speaker);
        changes.speakerExpertId = speaker?.type === 'Expert' ? speaker.id : null;
        changes.speakerOrganisationId = speaker?.type === 'Organisation' ? speaker.id : null;
      }
      if (Object.keys(changes).length) ctx.db.update(quotes).set(changes).where(eq(quotes.id, quote.id)).run();
      if (input.topics != null) {
        const ids = input.topics.map((ref, i) => topicOf(ctx, ref, `topics.${i}`));
        ctx.db.delete(quoteTopics).where(eq(quoteTopics.quoteId, quote.id)).run();
        for (const topicId of new Set(ids)) ctx.db.insert(quoteTopics).values({ quoteId: quote.id, topicId }).run();
      }
      return tag('Quote', ctx.db.select().from(quotes).where(eq(quotes.id, quote.id)).get()!);
    });
  }

  @Mutation(() => Deleted, { description: 'Removes a quote that is not one (a name in quote marks, say). Needs the curator token.' })
  deleteQuote(@Arg('id', () => ID, { description: 'Its id.' }) globalId: string, @Ctx() ctx: Context): Deleted {
    return curate(ctx, 'quote', () => {
      const quote = existingQuote(ctx, globalId);
      ctx.db.delete(quotes).where(eq(quotes.id, quote.id)).run();
      return { id: toGlobalId('Quote', quote.id) };
    });
  }
}

function existingQuote(ctx: Context, globalId: string) {
  return ctx.db
    .select()
    .from(quotes)
    .where(eq(quotes.id, existingId(ctx, quotes, 'Quote', globalId)))
    .get()!;
}

/** New text keeps offsets honest: it must occur in the body; the occurrence nearest the old one wins. */
function relocate(ctx: Context, quote: typeof quotes.$inferSelect, text: string): { text: string; start: number; end: number } {
  const { body } = ctx.db.select({ body: articles.body }).from(articles).where(eq(articles.id, quote.articleId)).get()!;
  let best = -1;
  for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
    if (best < 0 || Math.abs(at - quote.start) < Math.abs(best - quote.start)) best = at;
  }
  if (best < 0) throw badUserInput('text: must be a passage of the article body, exactly as printed (quote offsets point into it).', 'text');
  return { text, start: best, end: best + text.length };
}

function speakerOf(ctx: Context, ref: string): SpeakerRef {
  const byId = speakerFromId(ref, 'speaker');
  if (byId) {
    const table = byId.type === 'Expert' ? experts : organisations;
    if (!ctx.db.select({ id: table.id }).from(table).where(eq(table.id, byId.id)).get()) {
      throw badUserInput(`speaker: no ${byId.type.toLowerCase()} has the id "${ref}".`, 'speaker');
    }
    return byId;
  }
  const expert = ctx.db.select({ id: experts.id }).from(experts).where(eq(experts.slug, ref)).get();
  const org = ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, ref)).get();
  return speakerFromSlug(ref, 'speaker', expert?.id, org?.id);
}

const topicOf = (ctx: Context, ref: string, argument: string) => idByRef(ctx, topics, 'Topic', ref, argument);
