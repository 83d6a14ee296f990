import { asc } from 'drizzle-orm';
import { keptWhileCatalogue, readCatalogueVersion } from '../db/catalogue-version';
import type { AppDb } from '../db/client';
import { experts, organisationAliases, organisations, topics, topicTerms } from '../db/schema';
import { groupBy } from '../util/collections';
import type { Catalogue } from './types';

/**
 * What the extractor matches against, read once and kept until the catalogue tables change.
 * Reading and analysing 5,000 experts costs about 100 ms, against a few ms to read an article; the
 * extractor's own analysis is kept per catalogue object.
 */
export function catalogueFromDb(db: AppDb): Catalogue {
  return keptWhileCatalogue(db, readCatalogueVersion(db), 'extraction', () => readCatalogue(db));
}

/** The catalogue as the database holds it now, in three statements. */
function readCatalogue(db: AppDb): Catalogue {
  const aliases = groupBy(db.select().from(organisationAliases).all(), (a) => a.organisationId);
  const terms = groupBy(db.select().from(topicTerms).all(), (t) => t.topicId);
  return {
    organisations: db
      .select()
      .from(organisations)
      .orderBy(asc(organisations.id))
      .all()
      .map((o) => ({ ...o, aliases: (aliases.get(o.id) ?? []).map((a) => a.alias) })),
    topics: db
      .select()
      .from(topics)
      .orderBy(asc(topics.id))
      .all()
      .map((t) => ({ slug: t.slug, labelAr: t.name, terms: (terms.get(t.id) ?? []).map((x) => x.term) })),
    experts: db
      .select()
      .from(experts)
      .orderBy(asc(experts.id))
      .all()
      .map((e) => ({ ...e, title: e.role })),
  };
}
