import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireCurator } from '../../graphql/auth';
import type { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { loadAll } from '../../graphql/batch';
import { catalogueFromDb } from '../../extract/catalogue';
import { extractArticle } from '../../extract/extract';
import type { ExtractedPerson, ExtractedSpeaker as Speaker, Extraction } from '../../extract/types';
import { storeExtraction } from '../../ingest/store';
import { articleById, type ArticleEntity } from '../article/article.loaders';
import { Article } from '../article/article.type';
import { expertBySlug } from '../expert/expert.loaders';
import { organisationBySlug } from '../organisation/organisation.loaders';
import { topicBySlug } from '../topic/topic.loaders';
import { ExtractedSpeaker, ExtractionPreview } from './extraction.type';
import { ArticleInput } from './ingest.input';
import { validateArticleInput } from './ingest.validate';

@Resolver()
export class IngestResolver {
  @Mutation(() => Article, {
    description: 'Reads a raw article, then saves it with its quotes, speakers, organisations and topics in one transaction. The same URL or text updates the article. Needs Authorization: Bearer <API_TOKEN>.',
  })
  async ingestArticle(@Arg('input', () => ArticleInput) input: ArticleInput, @Ctx() ctx: Context): Promise<ArticleEntity> {
    requireCurator(ctx.auth);
    const extraction = read(ctx, input);
    const { articleId } = storeExtraction(ctx.db, extraction);
    const article = await articleById(ctx).load(articleId);
    if (!article) throw new Error(`article ${articleId} vanished after ingest`);
    return article;
  }

  @Query(() => ExtractionPreview, { description: 'The same reading as ingestArticle, without saving anything: a preview.' })
  async extractArticle(@Arg('input', () => ArticleInput) input: ArticleInput, @Ctx() ctx: Context): Promise<ExtractionPreview> {
    const extraction = read(ctx, input);
    const orgs = (slugs: string[]) => loadAll(organisationBySlug(ctx), slugs);
    const topicRows = (slugs: string[]) => loadAll(topicBySlug(ctx), slugs);
    const person = async (p: ExtractedPerson): Promise<ExtractedSpeaker> => ({
      name: p.name,
      title: p.title,
      expert: p.slug ? await expertBySlug(ctx).load(p.slug) : null,
      organisation: null,
    });
    const speaker = async (s: Speaker | null): Promise<ExtractedSpeaker | null> => {
      if (s === null) return null;
      if ('person' in s) return person(s.person);
      if ('institution' in s) return { name: s.institution, title: null, expert: null, organisation: null };
      const org = await organisationBySlug(ctx).load(s.organisation);
      return { name: org?.name ?? s.organisation, title: null, expert: null, organisation: org };
    };
    return {
      title: extraction.title,
      body: extraction.body,
      lede: extraction.lede,
      language: extraction.language,
      source: extraction.source ? await organisationBySlug(ctx).load(extraction.source) : null,
      quotes: await Promise.all(
        extraction.quotes.map(async (q, i) => ({
          text: q.text,
          start: q.start,
          end: q.end,
          position: i + 1,
          kind: q.kind,
          attribution: q.attribution,
          verb: q.verb,
          speaker: await speaker(q.speaker),
          topics: await topicRows(q.topics),
          organisations: await orgs(q.organisations),
        })),
      ),
      people: await Promise.all(extraction.people.map(person)),
      organisations: await orgs(extraction.organisations),
      topics: await topicRows(extraction.topics),
    };
  }
}

function read(ctx: Context, input: ArticleInput): Extraction {
  const article = validateArticleInput(input);
  const catalogue = catalogueFromDb(ctx.db);
  const extraction = extractArticle(article, catalogue);
  if (article.source && !extraction.source) {
    throw badUserInput(`input.source: no organisation is called "${article.source}"; use an organisation slug or alias, e.g. "hespress".`, 'input.source');
  }
  return extraction;
}
