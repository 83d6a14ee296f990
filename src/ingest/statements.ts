import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { AppDb } from '../db/client';
import { articleExperts, articleOrganisations, articles, articleTopics, experts, organisations, quoteOrganisations, quotes, quoteTopics, topics } from '../db/schema';

const p = sql.placeholder;

/**
 * The store's statements, prepared once per connection: ingest runs them thousands of times a
 * second, and building and preparing SQL for each call cost more than running it.
 */
function prepare(db: AppDb) {
  return {
    articleByUrlOrHash: db
      .select({ id: articles.id })
      .from(articles)
      .where(or(eq(articles.url, p('url')), eq(articles.contentHash, p('hash'))))
      .orderBy(sql`${articles.url} IS NOT ${p('url')}`)
      .limit(1)
      .prepare(),
    articleByHash: db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.contentHash, p('hash')))
      .limit(1)
      .prepare(),
    deleteOtherWithHash: db
      .delete(articles)
      .where(and(eq(articles.contentHash, p('hash')), ne(articles.id, p('id'))))
      .prepare(),
    updateArticle: db
      .update(articles)
      .set({
        title: sql`${p('title')}`,
        lede: sql`${p('lede')}`,
        body: sql`${p('body')}`,
        language: sql`${p('language')}`,
        url: sql`${p('url')}`,
        publishedAt: sql`${p('publishedAt')}`,
        sourceId: sql`${p('sourceId')}`,
        contentHash: sql`${p('contentHash')}`,
      })
      .where(eq(articles.id, p('id')))
      .prepare(),
    insertArticle: db
      .insert(articles)
      .values({
        slug: p('slug'),
        title: p('title'),
        lede: p('lede'),
        body: p('body'),
        language: p('language'),
        url: p('url'),
        // Epoch milliseconds, as the column stores them: a placeholder skips drizzle's Date mapping.
        publishedAt: sql`${p('publishedAt')}`,
        sourceId: p('sourceId'),
        contentHash: p('contentHash'),
      })
      .returning({ id: articles.id })
      .prepare(),
    deleteQuotes: db
      .delete(quotes)
      .where(eq(quotes.articleId, p('id')))
      .prepare(),
    deleteArticleExperts: db
      .delete(articleExperts)
      .where(eq(articleExperts.articleId, p('id')))
      .prepare(),
    deleteArticleOrganisations: db
      .delete(articleOrganisations)
      .where(eq(articleOrganisations.articleId, p('id')))
      .prepare(),
    deleteArticleTopics: db
      .delete(articleTopics)
      .where(eq(articleTopics.articleId, p('id')))
      .prepare(),
    articleSlugTaken: db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.slug, p('slug')))
      .prepare(),
    expertSlugTaken: db
      .select({ id: experts.id })
      .from(experts)
      .where(eq(experts.slug, p('slug')))
      .prepare(),
    organisationBySlug: db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, p('slug')))
      .prepare(),
    organisationByName: db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, p('name')))
      .prepare(),
    insertOrganisation: db
      .insert(organisations)
      .values({ slug: p('slug'), name: p('name') })
      .returning({ id: organisations.id })
      .prepare(),
    topicBySlug: db
      .select({ id: topics.id })
      .from(topics)
      .where(eq(topics.slug, p('slug')))
      .prepare(),
    expertBySlug: db
      .select({ id: experts.id, title: experts.role })
      .from(experts)
      .where(eq(experts.slug, p('slug')))
      .prepare(),
    expertByName: db
      .select({ id: experts.id, title: experts.role })
      .from(experts)
      .where(eq(experts.nameSearch, p('key')))
      .limit(1)
      .prepare(),
    setExpertTitle: db
      .update(experts)
      .set({ role: sql`${p('title')}` })
      .where(eq(experts.id, p('id')))
      .prepare(),
    insertExpert: db
      .insert(experts)
      .values({ slug: p('slug'), name: p('name'), role: p('title') })
      .returning({ id: experts.id })
      .prepare(),
    linkArticleExpert: db
      .insert(articleExperts)
      .values({ articleId: p('a'), expertId: p('b') })
      .onConflictDoNothing()
      .prepare(),
    linkArticleOrganisation: db
      .insert(articleOrganisations)
      .values({ articleId: p('a'), organisationId: p('b') })
      .onConflictDoNothing()
      .prepare(),
    linkArticleTopic: db
      .insert(articleTopics)
      .values({ articleId: p('a'), topicId: p('b') })
      .onConflictDoNothing()
      .prepare(),
    insertQuote: db
      .insert(quotes)
      .values({
        articleId: p('articleId'),
        position: p('position'),
        text: p('text'),
        kind: sql`${p('kind')}`,
        verb: p('verb'),
        start: p('start'),
        end: p('end'),
        speakerExpertId: p('speakerExpertId'),
        speakerOrganisationId: p('speakerOrganisationId'),
        attribution: p('attribution'),
      })
      .returning({ id: quotes.id })
      .prepare(),
    linkQuoteTopic: db
      .insert(quoteTopics)
      .values({ quoteId: p('a'), topicId: p('b') })
      .onConflictDoNothing()
      .prepare(),
    linkQuoteOrganisation: db
      .insert(quoteOrganisations)
      .values({ quoteId: p('a'), organisationId: p('b') })
      .onConflictDoNothing()
      .prepare(),
  };
}

export type StoreStatements = ReturnType<typeof prepare>;

const cache = new WeakMap<AppDb, StoreStatements>();

export function storeStatements(db: AppDb): StoreStatements {
  let statements = cache.get(db);
  if (!statements) {
    statements = prepare(db);
    cache.set(db, statements);
  }
  return statements;
}
