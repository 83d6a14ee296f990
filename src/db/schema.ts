import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// The one shared layer: every feature module reads and writes through these tables.

export const ORGANISATION_KINDS = ['POLICE', 'INTELLIGENCE', 'INTERNATIONAL_BODY', 'GOVERNMENT', 'MEDIA_OUTLET', 'ACADEMIC', 'NGO', 'ARMED_GROUP', 'OTHER'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const QUOTE_KINDS = ['DIRECT', 'INDIRECT'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];
/** Where a quote's reading comes from: the extractor, or a curator (an edit, a merge, the seeds' annotations), which re-extraction keeps. */
export const QUOTE_ORIGINS = ['EXTRACTED', 'CURATED'] as const;
export type QuoteOrigin = (typeof QUOTE_ORIGINS)[number];

/**
 * Where an undated article sorts by date: before every dated one (the first instant strftime writes,
 * the year 0000), so newest-first lists end with them and the sort key is never NULL.
 */
export const UNDATED_MS = -62_167_219_200_000;

export const organisations = sqliteTable(
  'organisations',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    acronym: text('acronym'),
    /** What sort of body it is (column kind): `category` in the API, where a quote's kind is another thing. */
    category: text('kind', { enum: ORGANISATION_KINDS }).notNull().default('OTHER'),
    country: text('country'),
  },
  (t) => [
    uniqueIndex('organisations_slug_uq').on(t.slug),
    index('organisations_kind_idx').on(t.category),
    check('organisations_country_ck', sql`${t.country} IS NULL OR (length(${t.country}) = 2 AND ${t.country} = upper(${t.country}))`),
  ],
);

/** Names an organisation goes by in the press: الإنتربول, Interpol, الأمن الوطني… */
export const organisationAliases = sqliteTable(
  'organisation_aliases',
  {
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.alias] }), index('organisation_aliases_alias_idx').on(t.alias)],
);

export const experts = sqliteTable(
  'experts',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nameLatin: text('name_latin'),
    /** The role as printed (column title): `role` in the API, where an article's title is another thing. */
    role: text('title'),
    /**
     * The name's Arabic search form (qg_search, src/db/client.ts), kept by triggers on every write
     * (drizzle/0006): ingest finds a person by name whatever the diacritics or hamza forms. A column,
     * not an index on qg_search(name), so that a plain sqlite3 shell can check the file.
     */
    nameSearch: text('name_search'),
    /** EXTRACTED: created by ingest, and removed by re-extraction once nothing names it; CURATED: kept. */
    origin: text('origin', { enum: QUOTE_ORIGINS }).notNull().default('EXTRACTED'),
  },
  (t) => [uniqueIndex('experts_slug_uq').on(t.slug), index('experts_name_search_idx').on(t.nameSearch)],
);

export const expertAffiliations = sqliteTable(
  'expert_affiliations',
  {
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.expertId, t.organisationId] }), index('expert_affiliations_org_idx').on(t.organisationId, t.expertId)],
);

export const topics = sqliteTable(
  'topics',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull(),
    /** Arabic and English names (columns label_ar, label_en): `name`/`nameEn` across types, as the API says it. */
    name: text('label_ar').notNull(),
    nameEn: text('label_en').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => topics.id, { onDelete: 'restrict' }),
  },
  (t) => [uniqueIndex('topics_slug_uq').on(t.slug), index('topics_parent_idx').on(t.parentId)],
);

/** Words and phrases that mark a topic in Arabic text (الأمن السيبراني، القرصنة…), for tagging. */
export const topicTerms = sqliteTable(
  'topic_terms',
  {
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.term] })],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    lede: text('lede'),
    body: text('body').notNull(),
    language: text('language').notNull().default('ar'),
    url: text('url'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    sourceId: integer('source_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** SHA-256 of the body's search form: the same text re-ingested without a URL updates, never duplicates. */
    contentHash: text('content_hash'),
    /** The date lists sort by: published_at, undated articles first (UNDATED_MS). Quotes copy it (their published_key). */
    publishedKey: integer('published_key').generatedAlwaysAs(sql`coalesce(published_at, ${sql.raw(String(UNDATED_MS))})`, { mode: 'virtual' }),
  },
  (t) => [
    uniqueIndex('articles_slug_uq').on(t.slug),
    uniqueIndex('articles_content_hash_uq').on(t.contentHash),
    uniqueIndex('articles_url_uq').on(t.url),
    index('articles_source_idx').on(t.sourceId),
    index('articles_published_idx').on(t.publishedAt),
    index('articles_published_key_idx').on(t.publishedKey, t.id),
  ],
);

export const quotes = sqliteTable(
  'quotes',
  {
    id: integer('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    kind: text('kind', { enum: QUOTE_KINDS }).notNull(),
    verb: text('verb'),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    position: integer('position').notNull(),
    speakerExpertId: integer('speaker_expert_id').references(() => experts.id, { onDelete: 'set null' }),
    speakerOrganisationId: integer('speaker_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    /** The words the speaker was read from, as printed; kept when they name no one the gate lets in, for a curator to fix. */
    attribution: text('attribution'),
    origin: text('origin', { enum: QUOTE_ORIGINS }).notNull().default('EXTRACTED'),
    /**
     * Its article's published_key, for date order on the quotes' own indexes: triggers keep it (on a
     * quote's insert or move, and on its article's date change; migration 0009), never the writers.
     */
    publishedKey: integer('published_key').notNull().default(UNDATED_MS),
  },
  (t) => [
    uniqueIndex('quotes_article_position_uq').on(t.articleId, t.position),
    index('quotes_speaker_expert_idx').on(t.speakerExpertId),
    index('quotes_speaker_org_idx').on(t.speakerOrganisationId),
    index('quotes_published_key_idx').on(t.publishedKey, t.id),
    index('quotes_speaker_expert_published_idx').on(t.speakerExpertId, t.publishedKey, t.id),
    index('quotes_speaker_org_published_idx').on(t.speakerOrganisationId, t.publishedKey, t.id),
    check('quotes_offsets_ck', sql`${t.start} >= 0 AND ${t.end} > ${t.start}`),
    // A quote has at most one speaker: a person or, for official statements, an organisation.
    check('quotes_one_speaker_ck', sql`${t.speakerExpertId} IS NULL OR ${t.speakerOrganisationId} IS NULL`),
  ],
);

/** Every person an article names, quoted or not. */
export const articleExperts = sqliteTable(
  'article_experts',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.expertId] }), index('article_experts_expert_idx').on(t.expertId, t.articleId)],
);

export const articleOrganisations = sqliteTable(
  'article_organisations',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.organisationId] }), index('article_organisations_org_idx').on(t.organisationId, t.articleId)],
);

export const articleTopics = sqliteTable(
  'article_topics',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.topicId] }), index('article_topics_topic_idx').on(t.topicId, t.articleId)],
);

export const quoteOrganisations = sqliteTable(
  'quote_organisations',
  {
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.quoteId, t.organisationId] }), index('quote_organisations_org_idx').on(t.organisationId, t.quoteId)],
);

export const quoteTopics = sqliteTable(
  'quote_topics',
  {
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.quoteId, t.topicId] }), index('quote_topics_topic_idx').on(t.topicId, t.quoteId)],
);

export type ArticleRow = typeof articles.$inferSelect;
export type QuoteRow = typeof quotes.$inferSelect;
export type ExpertRow = typeof experts.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type TopicRow = typeof topics.$inferSelect;
