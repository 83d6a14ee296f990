import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../db/client';
import { articleExperts, articles, experts, organisations, quotes } from '../db/schema';
import { writeTransaction } from '../db/write';
import { extractArticle } from '../extract/extract';
import type { Catalogue, ExtractedQuote } from '../extract/types';
import { IdCache, insertQuote, linkPeople } from './store';
import { storeStatements } from './statements';

/** What re-reading an article changed among its extracted quotes. */
export interface ReextractChange {
  articleId: number;
  slug: string;
  /** Quotes the extractor finds now and did not before (by their offsets). */
  added: number;
  /** Quotes it found before and no longer finds. */
  removed: number;
  /** Quotes at the same offsets whose speaker or kind changed. */
  reattributed: number;
  /** Curated quotes, kept as they are. */
  kept: number;
  /** People the article no longer names, unlinked from it; those ingest had made and nothing names any more are deleted. */
  unlinked: number;
  deletedExperts: number;
  /** Why the article was left alone, if it was. */
  skipped?: string;
}

type StoredQuote = { id: number; start: number; end: number; kind: string; origin: string; speaker: string | null };

/**
 * Unlinks from the article the people the new reading does not name and who speak none of its
 * quotes (an old reading's junk names), then deletes those of them ingest had made (origin
 * EXTRACTED) that no article names and no quote cites any more.
 */
function forgetPeople(db: AppDb, articleId: number, named: Set<number>): { unlinked: number; deletedExperts: number } {
  const linked = db.select({ id: articleExperts.expertId }).from(articleExperts).where(eq(articleExperts.articleId, articleId)).all();
  const speaking = new Set(
    db
      .select({ id: quotes.speakerExpertId })
      .from(quotes)
      .where(eq(quotes.articleId, articleId))
      .all()
      .map((q) => q.id),
  );
  const gone = linked.map((l) => l.id).filter((id) => !named.has(id) && !speaking.has(id));
  let deletedExperts = 0;
  for (const id of gone) {
    db.delete(articleExperts)
      .where(and(eq(articleExperts.articleId, articleId), eq(articleExperts.expertId, id)))
      .run();
    const orphan = db
      .select({ id: experts.id })
      .from(experts)
      .where(
        and(
          eq(experts.id, id),
          eq(experts.origin, 'EXTRACTED'),
          sql`NOT EXISTS (SELECT 1 FROM ${articleExperts} WHERE ${articleExperts.expertId} = ${experts.id})`,
          sql`NOT EXISTS (SELECT 1 FROM ${quotes} WHERE ${quotes.speakerExpertId} = ${experts.id})`,
        ),
      )
      .get();
    if (orphan) {
      db.delete(experts).where(eq(experts.id, id)).run();
      deletedExperts += 1;
    }
  }
  return { unlinked: gone.length, deletedExperts };
}

/** Who said a quote, as a comparable key: an expert's name, an organisation's name, or nobody. */
function speakerKey(q: ExtractedQuote, catalogue: Catalogue): string | null {
  const s = q.speaker;
  if (s === null) return null;
  if ('person' in s) return `person:${s.person.name}`;
  if ('institution' in s) return `organisation:${s.institution}`;
  return `organisation:${catalogue.organisations.find((o) => o.slug === s.organisation)?.name ?? s.organisation}`;
}

/**
 * Runs the current extractor over a stored article, in one transaction: its extracted quotes are
 * replaced by what the extractor reads now, and the quotes a curator annotated or edited (origin
 * CURATED) are kept as they are; a new reading that overlaps one is dropped. Positions follow the
 * text again. People the new reading names are linked to the article, and those it no longer names
 * are unlinked (forgetPeople).
 */
export function reextractArticle(db: AppDb, articleId: number, catalogue: Catalogue): ReextractChange {
  return writeTransaction(db.$client, () => {
    const article = db.select().from(articles).where(eq(articles.id, articleId)).get();
    if (!article) throw new Error(`no article has the id ${articleId}`);
    const source =
      article.sourceId === null ? null : (db.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, article.sourceId)).get()?.slug ?? null);
    const extraction = extractArticle({ title: article.title, body: article.body, url: article.url, language: article.language, source }, catalogue);
    const change: ReextractChange = { articleId, slug: article.slug, added: 0, removed: 0, reattributed: 0, kept: 0, unlinked: 0, deletedExperts: 0 };
    // Offsets index the stored body: a reading of another text would not line up with it.
    if (extraction.body !== article.body) return { ...change, skipped: 'the stored body is not as the extractor reads it (not trimmed, or not NFC)' };

    const stored = db
      .select({
        id: quotes.id,
        start: quotes.start,
        end: quotes.end,
        kind: quotes.kind,
        origin: quotes.origin,
        speaker: experts.name,
        organisation: organisations.name,
      })
      .from(quotes)
      .leftJoin(experts, eq(experts.id, quotes.speakerExpertId))
      .leftJoin(organisations, eq(organisations.id, quotes.speakerOrganisationId))
      .where(eq(quotes.articleId, articleId))
      .all()
      .map((q): StoredQuote => ({ ...q, speaker: q.speaker !== null ? `person:${q.speaker}` : q.organisation !== null ? `organisation:${q.organisation}` : null }));
    const curated = stored.filter((q) => q.origin === 'CURATED');
    const before = new Map(stored.filter((q) => q.origin !== 'CURATED').map((q) => [`${q.start}:${q.end}`, q]));
    const fresh = extraction.quotes.filter((q) => !curated.some((c) => c.start < q.end && q.start < c.end));

    for (const q of fresh) {
      const old = before.get(`${q.start}:${q.end}`);
      if (!old) change.added += 1;
      else if (old.kind !== q.kind || old.speaker !== speakerKey(q, catalogue)) change.reattributed += 1;
    }
    const now = new Set(fresh.map((q) => `${q.start}:${q.end}`));
    change.removed = [...before.keys()].filter((key) => !now.has(key)).length;
    change.kept = curated.length;

    // Out of the way of the positions the article's quotes will take, then renumbered in text order.
    db.delete(quotes)
      .where(and(eq(quotes.articleId, articleId), eq(quotes.origin, 'EXTRACTED')))
      .run();
    for (const c of curated) db.update(quotes).set({ position: -c.id }).where(eq(quotes.id, c.id)).run();
    const s = storeStatements(db);
    const ids = new IdCache(s);
    const people = linkPeople(s, ids, articleId, extraction.people);
    const TEMPORARY = 1_000_000;
    fresh.forEach((q, i) => insertQuote(s, ids, people, articleId, TEMPORARY + i, q));
    const ordered = db.select({ id: quotes.id }).from(quotes).where(eq(quotes.articleId, articleId)).orderBy(asc(quotes.start), asc(quotes.id)).all();
    ordered.forEach(({ id }, i) =>
      db
        .update(quotes)
        .set({ position: i + 1 })
        .where(eq(quotes.id, id))
        .run(),
    );
    Object.assign(change, forgetPeople(db, articleId, new Set(people.values())));
    return change;
  });
}
