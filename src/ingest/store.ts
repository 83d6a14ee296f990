import { contentHash, nameForms } from '../arabic/normalize';
import { slugify } from '../arabic/transliterate';
import type { AppDb } from '../db/client';
import { writeTransaction } from '../db/write';
import type { Extraction, ExtractedPerson, ExtractedQuote } from '../extract/types';
import { storeStatements, type StoreStatements } from './statements';

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
  const s = storeStatements(db);
  return writeTransaction(db.$client, () => {
    const hash = contentHash(extraction.body);
    const existing = extraction.url ? s.articleByUrlOrHash.get({ url: extraction.url, hash }) : s.articleByHash.get({ hash });
    const ids = new IdCache(s);
    const row = {
      title: extraction.title,
      lede: extraction.lede,
      body: extraction.body,
      language: extraction.language,
      url: extraction.url,
      publishedAt: extraction.publishedAt?.getTime() ?? null,
      sourceId: extraction.source ? ids.organisation(extraction.source) : null,
      contentHash: hash,
    };

    let articleId: number;
    if (existing) {
      articleId = existing.id;
      // A new text under a known URL may be another article's text: that one is the same article.
      s.deleteOtherWithHash.run({ hash, id: articleId });
      s.updateArticle.run({ ...row, id: articleId });
      for (const stmt of [s.deleteQuotes, s.deleteArticleExperts, s.deleteArticleOrganisations, s.deleteArticleTopics]) {
        stmt.run({ id: articleId });
      }
    } else {
      const slug = freeSlug(slugify(extraction.title) || 'article', hash.slice(0, 6), (c) => !!s.articleSlugTaken.get({ slug: c }));
      articleId = s.insertArticle.get({ ...row, slug })!.id;
    }

    const people = linkPeople(s, ids, articleId, extraction.people);
    for (const slug of extraction.organisations) s.linkArticleOrganisation.run({ a: articleId, b: ids.organisation(slug) });
    for (const slug of extraction.topics) s.linkArticleTopic.run({ a: articleId, b: ids.topic(slug) });

    extraction.quotes.forEach((q, i) => insertQuote(s, ids, people, articleId, i + 1, q));
    return { articleId, created: !existing, quotes: extraction.quotes.length, newExperts: ids.createdExperts };
  });
}

/** The people an article names, found or created as experts and linked to it; their ids, by person. */
export function linkPeople(s: StoreStatements, ids: IdCache, articleId: number, named: ExtractedPerson[]): Map<ExtractedPerson, number> {
  const people = new Map<ExtractedPerson, number>();
  for (const person of named) people.set(person, ids.person(person));
  for (const expertId of new Set(people.values())) s.linkArticleExpert.run({ a: articleId, b: expertId });
  return people;
}

/** Writes one extracted quote at `position`, with its speaker (a person met in the article, or found or created), topics and organisations. */
export function insertQuote(s: StoreStatements, ids: IdCache, people: Map<ExtractedPerson, number>, articleId: number, position: number, q: ExtractedQuote): number {
  const speaker = q.speaker;
  const { id: quoteId } = s.insertQuote.get({
    articleId,
    position,
    text: q.text,
    kind: q.kind,
    verb: q.verb,
    start: q.start,
    end: q.end,
    speakerExpertId: speaker && 'person' in speaker ? (people.get(speaker.person) ?? ids.person(speaker.person)) : null,
    speakerOrganisationId:
      speaker === null || 'person' in speaker ? null : 'organisation' in speaker ? ids.organisation(speaker.organisation) : ids.institution(speaker.institution),
    attribution: q.attribution,
  })!;
  for (const slug of q.topics) s.linkQuoteTopic.run({ a: quoteId, b: ids.topic(slug) });
  for (const slug of q.organisations) s.linkQuoteOrganisation.run({ a: quoteId, b: ids.organisation(slug) });
  return quoteId;
}

/** Resolves catalogue slugs and people to ids inside the transaction, creating new people. */
export class IdCache {
  createdExperts = 0;
  createdOrganisations = 0;
  private readonly orgs = new Map<string, number>();
  private readonly topicIds = new Map<string, number>();

  constructor(private readonly s: StoreStatements) {}

  organisation(slug: string): number {
    return cached(this.orgs, slug, () => this.s.organisationBySlug.get({ slug })?.id);
  }

  topic(slug: string): number {
    return cached(this.topicIds, slug, () => this.s.topicBySlug.get({ slug })?.id);
  }

  /** An organisation by its name as printed, else a new one of kind OTHER for a curator to complete. */
  institution(name: string): number {
    const found = this.s.organisationByName.get({ name });
    if (found) return found.id;
    const slug = freeSlug(slugify(name) || 'organisation', null, (c) => !!this.s.organisationBySlug.get({ slug: c }));
    this.createdOrganisations += 1;
    return this.s.insertOrganisation.get({ slug, name })!.id;
  }

  /** A catalogue expert by slug, else a person of the same name (search form, spaced or not), else a new expert. */
  person(person: ExtractedPerson): number {
    let found = person.slug ? this.s.expertBySlug.get({ slug: person.slug }) : undefined;
    for (const key of nameForms(person.name)) found ??= this.s.expertByName.get({ key });
    if (found) {
      if (!found.title && person.title) this.s.setExpertTitle.run({ id: found.id, title: person.title });
      return found.id;
    }
    const slug = freeSlug(slugify(person.name) || 'person', null, (c) => !!this.s.expertSlugTaken.get({ slug: c }));
    this.createdExperts += 1;
    return this.s.insertExpert.get({ slug, name: person.name, title: person.title })!.id;
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

/** `base`, or `base-<suffix>`, or `base-2`, `base-3`…: the first that is not taken. */
function freeSlug(base: string, suffix: string | null, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  if (suffix && !taken(`${base}-${suffix}`)) return `${base}-${suffix}`;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
