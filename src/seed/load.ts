import { and, eq, gt } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { contentHash } from '../arabic/normalize';
import type { AppDb } from '../db/client';
import {
  articleExperts,
  articleOrganisations,
  articles,
  articleTopics,
  expertAffiliations,
  experts,
  organisationAliases,
  organisations,
  quoteOrganisations,
  quotes,
  quoteTopics,
  topics,
  topicTerms,
} from '../db/schema';
import type { Seeds } from './seeds';

type Tx = Parameters<Parameters<AppDb['transaction']>[0]>[0];

class SlugMap {
  private readonly ids = new Map<string, number>();
  constructor(private readonly what: string) {}
  set(slug: string, id: number): void {
    this.ids.set(slug, id);
  }
  get(slug: string, where: string): number {
    const id = this.ids.get(slug);
    if (id === undefined) throw new Error(`${where}: unknown ${this.what} "${slug}" (add it to seeds/${this.what}s.json)`);
    return id;
  }
}

export interface SeedSummary {
  organisations: number;
  experts: number;
  topics: number;
  articles: number;
  quotes: number;
}

/**
 * Loads the seeds in one transaction. Rows are upserted by slug (and quotes by article and
 * position), so ids stay stable and a second run leaves the database exactly as it was.
 */
export function seedDatabase(db: AppDb, seeds: Seeds): SeedSummary {
  return db.transaction((tx) => {
    const orgIds = upsertOrganisations(tx, seeds);
    const topicIds = upsertTopics(tx, seeds);
    const expertIds = upsertExperts(tx, seeds, orgIds);
    let quoteCount = 0;
    for (const article of seeds.articles) {
      quoteCount += upsertArticle(tx, article, { orgIds, topicIds, expertIds });
    }
    return {
      organisations: seeds.organisations.length,
      experts: seeds.experts.length,
      topics: seeds.topics.length,
      articles: seeds.articles.length,
      quotes: quoteCount,
    };
  });
}

function upsertOrganisations(tx: Tx, seeds: Seeds): SlugMap {
  const ids = new SlugMap('organisation');
  // The seeds' kind is the organisation's category.
  for (const { aliases, kind: category, ...fields } of seeds.organisations) {
    const org = { ...fields, category };
    const { id } = tx.insert(organisations).values(org).onConflictDoUpdate({ target: organisations.slug, set: org }).returning({ id: organisations.id }).get();
    ids.set(org.slug, id);
    tx.delete(organisationAliases).where(eq(organisationAliases.organisationId, id)).run();
    const unique = [...new Set(aliases.map((a) => a.normalize('NFC')))];
    if (unique.length)
      tx.insert(organisationAliases)
        .values(unique.map((alias) => ({ organisationId: id, alias })))
        .run();
  }
  return ids;
}

function upsertTopics(tx: Tx, seeds: Seeds): SlugMap {
  const ids = new SlugMap('topic');
  for (const { slug, labelAr, labelEn, lexicon } of seeds.topics) {
    const { id } = tx
      .insert(topics)
      .values({ slug, name: labelAr, nameEn: labelEn })
      .onConflictDoUpdate({ target: topics.slug, set: { name: labelAr, nameEn: labelEn } })
      .returning({ id: topics.id })
      .get();
    ids.set(slug, id);
    tx.delete(topicTerms).where(eq(topicTerms.topicId, id)).run();
    const terms = [...new Set(lexicon.map((t) => t.normalize('NFC')))];
    if (terms.length)
      tx.insert(topicTerms)
        .values(terms.map((term) => ({ topicId: id, term })))
        .run();
  }
  // Parents in a second pass, so the file may list a child before its parent.
  for (const topic of seeds.topics) {
    const parentId = topic.parent === null ? null : ids.get(topic.parent, `topic ${topic.slug}`);
    tx.update(topics).set({ parentId }).where(eq(topics.slug, topic.slug)).run();
  }
  return ids;
}

function upsertExperts(tx: Tx, seeds: Seeds, orgIds: SlugMap): SlugMap {
  const ids = new SlugMap('expert');
  // The seeds' title is the expert's role.
  for (const { affiliations, title: role, ...fields } of seeds.experts) {
    const expert = { ...fields, role };
    const { id } = tx
      .insert(experts)
      .values({ ...expert, origin: 'CURATED' })
      .onConflictDoUpdate({ target: experts.slug, set: { ...expert, origin: 'CURATED' } })
      .returning({ id: experts.id })
      .get();
    ids.set(expert.slug, id);
    tx.delete(expertAffiliations).where(eq(expertAffiliations.expertId, id)).run();
    for (const org of affiliations) {
      tx.insert(expertAffiliations)
        .values({ expertId: id, organisationId: orgIds.get(org, `expert ${expert.slug}`) })
        .run();
    }
  }
  return ids;
}

interface Ids {
  orgIds: SlugMap;
  topicIds: SlugMap;
  expertIds: SlugMap;
}

function upsertArticle(tx: Tx, article: Seeds['articles'][number], { orgIds, topicIds, expertIds }: Ids): number {
  const where = `article ${article.slug}`;
  const row = {
    slug: article.slug,
    title: article.title,
    lede: article.lede,
    body: article.body,
    language: article.language,
    url: article.url,
    publishedAt: article.publishedAt ? new Date(`${article.publishedAt}T00:00:00Z`) : null,
    sourceId: article.source ? orgIds.get(article.source, where) : null,
    contentHash: contentHash(article.body),
  };
  const { id: articleId } = tx.insert(articles).values(row).onConflictDoUpdate({ target: articles.slug, set: row }).returning({ id: articles.id }).get();

  replaceLinks(tx, articleExperts, articleExperts.articleId, articleId, article.experts, (slug) => ({
    articleId,
    expertId: expertIds.get(slug, where),
  }));
  replaceLinks(tx, articleOrganisations, articleOrganisations.articleId, articleId, article.organisations, (slug) => ({
    articleId,
    organisationId: orgIds.get(slug, where),
  }));
  replaceLinks(tx, articleTopics, articleTopics.articleId, articleId, article.topics, (slug) => ({
    articleId,
    topicId: topicIds.get(slug, where),
  }));

  for (const q of article.quotes) {
    const quoteWhere = `${where}, quote ${q.position}`;
    const values = {
      articleId,
      position: q.position,
      text: q.text,
      kind: q.kind,
      verb: q.verb,
      start: q.start,
      end: q.end,
      speakerExpertId: q.speaker && 'expert' in q.speaker ? expertIds.get(q.speaker.expert, quoteWhere) : null,
      speakerOrganisationId: q.speaker && 'organisation' in q.speaker ? orgIds.get(q.speaker.organisation, quoteWhere) : null,
      // Hand-checked annotations: re-extraction keeps them.
      origin: 'CURATED' as const,
    };
    const { id: quoteId } = tx
      .insert(quotes)
      .values(values)
      .onConflictDoUpdate({ target: [quotes.articleId, quotes.position], set: values })
      .returning({ id: quotes.id })
      .get();
    replaceLinks(tx, quoteTopics, quoteTopics.quoteId, quoteId, q.topics, (slug) => ({
      quoteId,
      topicId: topicIds.get(slug, quoteWhere),
    }));
    replaceLinks(tx, quoteOrganisations, quoteOrganisations.quoteId, quoteId, q.organisations, (slug) => ({
      quoteId,
      organisationId: orgIds.get(slug, quoteWhere),
    }));
  }
  // Quotes the annotations no longer list go away.
  tx.delete(quotes)
    .where(and(eq(quotes.articleId, articleId), gt(quotes.position, article.quotes.length)))
    .run();
  return article.quotes.length;
}

/** Replaces the link rows of one owner with the given slugs' rows. */
function replaceLinks<T extends typeof articleExperts | typeof articleOrganisations | typeof articleTopics | typeof quoteTopics | typeof quoteOrganisations>(
  tx: Tx,
  table: T,
  ownerColumn: SQLiteColumn,
  ownerId: number,
  slugs: string[],
  toRow: (slug: string) => T['$inferInsert'],
): void {
  tx.delete(table).where(eq(ownerColumn, ownerId)).run();
  const rows = [...new Set(slugs)].map(toRow);
  if (rows.length)
    tx.insert(table)
      .values(rows as never)
      .run();
}
