import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireCurator } from '../../graphql/auth';
import type { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import type { ExtractedPerson, ExtractedSpeaker as Speaker, Extraction } from '../../extract/types';
import { ArticleInputError, readArticle } from '../../ingest/article';
import { storeExtraction } from '../../ingest/store';
import { rowBy } from '../../graphql/rows';
import { Article, type ArticleEntity } from '../article/article.type';
import { type ExtractedSpeaker, ExtractionPreview } from './extraction.type';
import { ArticleInput } from './ingest.input';

@Resolver()
export class IngestResolver {
  @Mutation(() => Article, {
    description:
      'Reads a raw article, then saves it with its quotes, speakers, organisations and topics in one transaction. The same URL or text updates the article. Needs Authorization: Bearer <API_TOKEN>.',
  })
  ingestArticle(
    @Arg('input', () => ArticleInput, { description: 'The article as published: title and body, and what else is known.' }) input: ArticleInput,
    @Ctx() ctx: Context,
  ): ArticleEntity {
    requireCurator(ctx.auth);
    const extraction = read(ctx, input);
    const { articleId } = storeExtraction(ctx.db, extraction);
    ctx.wrote();
    const article = rowBy(ctx, 'Article', { id: articleId });
    if (!article) throw new Error(`article ${articleId} vanished after ingest`);
    return article as ArticleEntity;
  }

  @Query(() => ExtractionPreview, { description: 'The same reading as ingestArticle, without saving anything: a preview.' })
  extractArticle(
    @Arg('input', () => ArticleInput, { description: 'The article as published: title and body, and what else is known.' }) input: ArticleInput,
    @Ctx() ctx: Context,
  ): ExtractionPreview {
    const extraction = read(ctx, input);
    // The catalogue's rows the reading names, for graphql-js to resolve their fields on.
    const bySlug = <N extends 'Organisation' | 'Topic' | 'Expert'>(type: N, slug: string) => rowBy(ctx, type, { slug });
    const orgs = (slugs: string[]) => slugs.map((slug) => bySlug('Organisation', slug)).filter((r) => r !== null);
    const topicRows = (slugs: string[]) => slugs.map((slug) => bySlug('Topic', slug)).filter((r) => r !== null);
    const person = (p: ExtractedPerson): ExtractedSpeaker => ({ name: p.name, role: p.title, expert: p.slug ? bySlug('Expert', p.slug) : null, organisation: null });
    const speaker = (s: Speaker | null): ExtractedSpeaker | null => {
      if (s === null) return null;
      if ('person' in s) return person(s.person);
      if ('institution' in s) return { name: s.institution, role: null, expert: null, organisation: null };
      const org = bySlug('Organisation', s.organisation);
      return { name: (org?.name as string | undefined) ?? s.organisation, role: null, expert: null, organisation: org };
    };
    return {
      title: extraction.title,
      body: extraction.body,
      lede: extraction.lede,
      language: extraction.language,
      source: extraction.source ? bySlug('Organisation', extraction.source) : null,
      quotes: extraction.quotes.map((q, i) => ({
        text: q.text,
        start: q.start,
        end: q.end,
        position: i + 1,
        kind: q.kind,
        attribution: q.attribution,
        verb: q.verb,
        speaker: speaker(q.speaker),
        topics: topicRows(q.topics),
        organisations: orgs(q.organisations),
      })),
      people: extraction.people.map(person),
      organisations: orgs(extraction.organisations),
      topics: topicRows(extraction.topics),
    };
  }
}

/** The article read, or BAD_USER_INPUT naming the input field that is wrong. */
function read(ctx: Context, input: ArticleInput): Extraction {
  try {
    return readArticle(ctx.db, input);
  } catch (error) {
    if (error instanceof ArticleInputError) throw badUserInput(`input.${error.message}`, `input.${error.field}`);
    throw error;
  }
}
