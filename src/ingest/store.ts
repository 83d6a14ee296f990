import { eq, like, or, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { contentHash, searchForm } from '../arabic/normalize';
import { slugify } from '../arabic/transliterate';
import type { AppDb } from '../db/client';
import {
  articleExperts,
  articleOrganisations,
  articles,
  articleTopics,
  experts,
  organisations,
  quoteOrganisations,
  quotes,
  quoteTopics,
  topics,
} from '../db/schema';
import type { Extraction, ExtractedPerson } from '../extract/types';

type Tx = Parameters<Parameters<AppDb['transaction']>[0]>[0];

export interface StoredArticle {
  articleId: number;
  /** False when the same URL or text was already there and has been updated. */
  created: boolean;
  quotes: number;
  newExperts: number;
}

/**
 * Writes an extraction in one transaction: the article, its quotes, their speakers, mentions and
 * topics land together or not at all. The same URL, or else the same text (by the hash of its
 * search form), updates the article in place instead of adding a second one.
 */
export function storeExtraction(db: AppDb, extraction: Extraction): StoredArticle {
  return db.transaction((tx) => {
    const hash = contentHash(extraction.body);
    const existing = tx
      .select({ id: articles.id, slug: articles.slug })
      .from(articles)
      .where(extraction.url ? or(eq(articles.url, extraction.url), eq(articles.contentHash, hash)) : eq(articles.contentHash, hash))
      .orderBy(extraction.url ? sql`${articles.url} IS NOT ${extraction.url}` : articles.id)
      .get();
    const ids = new IdCache(tx);
    const row = {
      title: extraction.title,
      lede: extraction.lede,
      body: extraction.body,
      language: extraction.language,
      url: extraction.url,
      publishedAt: extraction.publishedAt,
      sourceId: extraction.source ? ids.organisation(extraction.source) : null,
      contentHash: hash,
    };

    let articleId: number;
    if (existing) {
      articleId = existing.id;
      // A new text under a known URL may now collide with another article's hash: that one is the same text.
      tx.delete(articles).where(sql`${articles.contentHash} = ${hash} AND ${articles.id} <> ${articleId}`).run();
      tx.update(articles).set(row).where(eq(articles.id, articleId)).run();
      tx.delete(quotes).where(eq(quotes.articleId, articleId)).run();
      for (const [table, column] of [
        [articleExperts, articleExperts.articleId],
        [articleOrganisations, articleOrganisations.articleId],
        [articleTopics, articleTopics.articleId],
      ] as const) {
        tx.delete(table).where(eq(column, articleId)).run();
      }
    } else {
      const slug = uniqueSlug(tx, articles, articles.slug, slugify(extraction.title) || 'article', hash.slice(0, 6));
      articleId = tx.insert(articles).values({ ...row, slug }).returning({ id: articles.id }).get().id;
    }

    const people = new Map<ExtractedPerson, number>();
    for (const person of extraction.people) people.set(person, ids.person(person));
    const link = <T extends SQLiteTable>(table: T, rows: Record<string, number>[]) => {
      if (rows.length) tx.insert(table).values(rows as never).onConflictDoNothing().run();
    };
    link(articleExperts, [...new Set(people.values())].map((expertId) => ({ articleId, expertId })));
    link(articleOrganisations, extraction.organisations.map((slug) => ({ articleId, organisationId: ids.organisation(slug) })));
    link(articleTopics, extraction.topics.map((slug) => ({ articleId, topicId: ids.topic(slug) })));

    extraction.quotes.forEach((q, i) => {
      const speaker = q.speaker;
      const quoteId = tx
        .insert(quotes)
        .values({
          articleId,
          position: i + 1,
          text: q.text,
          kind: q.kind,
          verb: q.verb,
          start: q.start,
          end: q.end,
          speakerExpertId: speaker && 'person' in speaker ? (people.get(speaker.person) ?? ids.person(speaker.person)) : null,
          speakerOrganisationId: speaker && 'organisation' in speaker ? ids.organisation(speaker.organisation) : null,
        })
        .returning({ id: quotes.id })
        .get().id;
      link(quoteTopics, q.topics.map((slug) => ({ quoteId, topicId: ids.topic(slug) })));
      link(quoteOrganisations, q.organisations.map((slug) => ({ quoteId, organisationId: ids.organisation(slug) })));
    });
    return { articleId, created: !existing, quotes: extraction.quotes.length, newExperts: ids.createdExperts };
  });
}

/** Resolves catalogue slugs and people to ids inside the transaction, creating new people. */
class IdCache {
  createdExperts = 0;
  private readonly orgs = new Map<string, number>();
  private readonly topicIds = new Map<string, number>();

  constructor(private readonly tx: Tx) {}

  organisation(slug: string): number {
    return cached(this.orgs, slug, () => this.tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).get()?.id);
  }

  topic(slug: string): number {
    return cached(this.topicIds, slug, () => this.tx.select({ id: topics.id }).from(topics).where(eq(topics.slug, slug)).get()?.id);
  }

  /** A catalogue expert by slug, else a person of the same name (search form), else a new expert. */
  person(person: ExtractedPerson): number {
    const bySlug = person.slug ? this.tx.select().from(experts).where(eq(experts.slug, person.slug)).get() : undefined;
    const found = bySlug ?? this.tx.select().from(experts).where(sql`qg_search(${experts.name}) = ${searchForm(person.name)}`).get();
    if (found) {
      if (!found.title && person.title) this.tx.update(experts).set({ title: person.title }).where(eq(experts.id, found.id)).run();
      return found.id;
    }
    const slug = uniqueSlug(this.tx, experts, experts.slug, slugify(person.name) || 'person', null);
    this.createdExperts += 1;
    return this.tx.insert(experts).values({ slug, name: person.name, title: person.title }).returning({ id: experts.id }).get().id;
  }
}

function cached(map: Map<string, number>, key: string, load: () => number | undefined): number {
  let id = map.get(key);
  if (id === undefined) {
    id = load();
    if (id === undefined) throw new Error(`the catalogue has no "${key}"`);
    map.set(key, id);
  }
  return id;
}

/** `base`, or `base-<suffix>`, or `base-2`, `base-3`…: the first one no row has. */
function uniqueSlug(tx: Tx, table: SQLiteTable, column: SQLiteColumn, base: string, suffix: string | null): string {
  const taken = new Set(
    (tx.select({ slug: column }).from(table).where(like(column, `${base}%`)).all() as { slug: string }[]).map((r) => r.slug),
  );
  const candidates = [base, ...(suffix ? [`${base}-${suffix}`] : []), ...Array.from({ length: 1000 }, (_, i) => `${base}-${i + 2}`)];
  const slug = candidates.find((c) => !taken.has(c));
  if (!slug) throw new Error(`no free slug for ${base}`);
  return slug;
}
