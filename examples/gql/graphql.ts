/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
};

/** A press article, stored exactly as published (Unicode NFC). */
export type Article = Node & {
  __typename?: 'Article';
  /** The full text. Quote offsets index into it (JavaScript string offsets). */
  body: Scalars['String']['output'];
  /** Every person the article names, quoted or not, in the order they were added. */
  experts: Array<Expert>;
  /** Opaque global id; stable across restarts. */
  id: Scalars['ID']['output'];
  /** BCP 47 language tag, e.g. ar. */
  language: Scalars['String']['output'];
  /** The first paragraph. */
  lede?: Maybe<Scalars['String']['output']>;
  /** Every organisation the article names (at most 100). */
  organisations: Array<Organisation>;
  publishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The article’s quotes in reading order. */
  quotes: QuoteConnection;
  slug: Scalars['String']['output'];
  /** The outlet that published the article. */
  source?: Maybe<Organisation>;
  title: Scalars['String']['output'];
  /** The topics of its quotes (at most 50). */
  topics: Array<Topic>;
  url?: Maybe<Scalars['String']['output']>;
};


/** A press article, stored exactly as published (Unicode NFC). */
export type ArticleExpertsArgs = {
  first?: Scalars['Int']['input'];
};


/** A press article, stored exactly as published (Unicode NFC). */
export type ArticleQuotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  topic?: InputMaybe<Scalars['String']['input']>;
};

export type ArticleConnection = {
  __typename?: 'ArticleConnection';
  edges: Array<ArticleEdge>;
  pageInfo: PageInfo;
  /** All items in the connection, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type ArticleEdge = {
  __typename?: 'ArticleEdge';
  cursor: Scalars['String']['output'];
  node: Article;
};

export type ArticleFilter = {
  /** Articles that name or quote this expert (slug or id). */
  expert?: InputMaybe<Scalars['String']['input']>;
  /** Articles that mention this organisation (slug or id). */
  organisation?: InputMaybe<Scalars['String']['input']>;
  /** Published at or after this instant. */
  publishedAfter?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Published strictly before this instant. */
  publishedBefore?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Articles published by this outlet (slug or id). */
  source?: InputMaybe<Scalars['String']['input']>;
  /** Articles on this topic (slug or id) or any of its subtopics. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** A raw article to read: the same shape as the .json files `npm run ingest` takes. */
export type ArticleInput = {
  /** The full text; paragraphs separated by newlines. */
  body: Scalars['String']['input'];
  /** BCP 47 language tag; ar by default. */
  language?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The outlet: an organisation slug or alias, e.g. "hespress". */
  source?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
  /** Where it was published; re-ingesting the same URL updates the article. */
  url?: InputMaybe<Scalars['String']['input']>;
};

export type CreateExpertInput = {
  /** Organisations (slugs or ids) the expert works for; on an update, they replace the old ones. */
  affiliations?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The name as printed in Arabic. */
  name: Scalars['String']['input'];
  nameLatin?: InputMaybe<Scalars['String']['input']>;
  slug: Scalars['String']['input'];
  /** The title as printed, e.g. «باحث في الشؤون الاستراتيجية». */
  title?: InputMaybe<Scalars['String']['input']>;
};

export type CreateOrganisationInput = {
  acronym?: InputMaybe<Scalars['String']['input']>;
  /** Names the press uses for it: الإنتربول, Interpol… */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** ISO 3166-1 alpha-2, e.g. MA. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** OTHER when an organisation is created without one. */
  kind?: InputMaybe<OrganisationKind>;
  /** The name in Arabic, as the press prints it. */
  name: Scalars['String']['input'];
  nameEn?: InputMaybe<Scalars['String']['input']>;
  slug: Scalars['String']['input'];
};

export type CreateTopicInput = {
  labelAr: Scalars['String']['input'];
  labelEn: Scalars['String']['input'];
  /** The parent topic (slug or id); null for a root topic. Left out of an update, the parent stays. */
  parent?: InputMaybe<Scalars['String']['input']>;
  slug: Scalars['String']['input'];
  /** Arabic words and phrases that mark the topic, for tagging ingested quotes; on an update, they replace the old ones. */
  terms?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** What a delete removed. */
export type Deleted = {
  __typename?: 'Deleted';
  /** The global id of the removed object. */
  id: Scalars['ID']['output'];
};

/** A person the press names: an analyst, an official, quoted or only mentioned. */
export type Expert = Node & {
  __typename?: 'Expert';
  /** Organisations the expert works for or leads (at most 50). */
  affiliations: Array<Organisation>;
  /** Articles that name or quote the expert, the first ones added. */
  articles: Array<Article>;
  /** Opaque global id; stable across restarts. */
  id: Scalars['ID']['output'];
  /** The name as printed in Arabic. */
  name: Scalars['String']['output'];
  /** The name in Latin script. */
  nameLatin?: Maybe<Scalars['String']['output']>;
  /** How many quotes are attributed to the expert. */
  quoteCount: Scalars['Int']['output'];
  /** What the expert said, optionally on one topic and its subtopics. */
  quotes: QuoteConnection;
  slug: Scalars['String']['output'];
  /** The title as printed, e.g. «باحث في الشؤون الاستراتيجية». */
  title?: Maybe<Scalars['String']['output']>;
  /** Topics the expert has been quoted on (at most 100). */
  topics: Array<Topic>;
};


/** A person the press names: an analyst, an official, quoted or only mentioned. */
export type ExpertArticlesArgs = {
  first?: Scalars['Int']['input'];
};


/** A person the press names: an analyst, an official, quoted or only mentioned. */
export type ExpertQuotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  topic?: InputMaybe<Scalars['String']['input']>;
};

export type ExpertConnection = {
  __typename?: 'ExpertConnection';
  edges: Array<ExpertEdge>;
  pageInfo: PageInfo;
  /** All items in the connection, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type ExpertEdge = {
  __typename?: 'ExpertEdge';
  cursor: Scalars['String']['output'];
  node: Expert;
};

export type ExpertFilter = {
  /** Experts affiliated with this organisation (slug or id). */
  organisation?: InputMaybe<Scalars['String']['input']>;
  /** Part of the name (Arabic or Latin) or of the title, e.g. "معتضد". */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Experts quoted on this topic (slug or id) or any of its subtopics. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** A quote as the extractor found it, before anything is saved. */
export type ExtractedQuote = {
  __typename?: 'ExtractedQuote';
  /** The words the speaker was read from, as printed. */
  attribution?: Maybe<Scalars['String']['output']>;
  end: Scalars['Int']['output'];
  kind: QuoteKind;
  /** At most 50. */
  organisations: Array<Organisation>;
  position: Scalars['Int']['output'];
  speaker?: Maybe<ExtractedSpeaker>;
  start: Scalars['Int']['output'];
  text: Scalars['String']['output'];
  /** At most 30. */
  topics: Array<Topic>;
  verb?: Maybe<Scalars['String']['output']>;
};

/** Who the extractor says spoke: a person (known or new) or an organisation. */
export type ExtractedSpeaker = {
  __typename?: 'ExtractedSpeaker';
  /** The expert already in the graph, if any. */
  expert?: Maybe<Expert>;
  /** The name as printed, or the organisation’s name. */
  name: Scalars['String']['output'];
  organisation?: Maybe<Organisation>;
  /** A person’s title, from the apposition. */
  title?: Maybe<Scalars['String']['output']>;
};

/** What ingestArticle would save, for a preview. */
export type ExtractionPreview = {
  __typename?: 'ExtractionPreview';
  body: Scalars['String']['output'];
  language: Scalars['String']['output'];
  lede: Scalars['String']['output'];
  /** At most 100. */
  organisations: Array<Organisation>;
  /** Every person the article names (the first 200). */
  people: Array<ExtractedSpeaker>;
  /** The first 500 quotes. */
  quotes: Array<ExtractedQuote>;
  source?: Maybe<Organisation>;
  title: Scalars['String']['output'];
  /** At most 50. */
  topics: Array<Topic>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a name the press uses for the organisation. Needs the curator token. */
  addAlias: Organisation;
  /** Adds a person. Needs the curator token. */
  createExpert: Expert;
  /** Adds an organisation with its aliases. Needs the curator token. */
  createOrganisation: Organisation;
  /** Adds a topic, optionally under a parent. Needs the curator token. */
  createTopic: Topic;
  /** Removes a person who is quoted nowhere (merge a quoted one with mergeExperts). Needs the curator token. */
  deleteExpert: Deleted;
  /** Removes an organisation that has made no statement and published no article. Needs the curator token. */
  deleteOrganisation: Deleted;
  /** Removes a quote that is not one (a name in quote marks, say). Needs the curator token. */
  deleteQuote: Deleted;
  /** Removes a topic that has no subtopics; its quotes lose the tag. Needs the curator token. */
  deleteTopic: Deleted;
  /** Reads a raw article, then saves it with its quotes, speakers, organisations and topics in one transaction. The same URL or text updates the article. Needs Authorization: Bearer <API_TOKEN>. */
  ingestArticle: Article;
  /** Moves every quote, mention and affiliation of the source expert to the target, then deletes the source. Needs the curator token. */
  mergeExperts: Expert;
  /** Removes one of the organisation’s aliases. Needs the curator token. */
  removeAlias: Organisation;
  /** Changes a person; only the fields given change. Needs the curator token. */
  updateExpert: Expert;
  /** Changes an organisation; only the fields given change. Needs the curator token. */
  updateOrganisation: Organisation;
  /** Fixes a quote’s speaker, text or topics. Needs the curator token. */
  updateQuote: Quote;
  /** Changes a topic; only the fields given change. Needs the curator token. */
  updateTopic: Topic;
};


export type MutationAddAliasArgs = {
  alias: Scalars['String']['input'];
  organisationId: Scalars['ID']['input'];
};


export type MutationCreateExpertArgs = {
  input: CreateExpertInput;
};


export type MutationCreateOrganisationArgs = {
  input: CreateOrganisationInput;
};


export type MutationCreateTopicArgs = {
  input: CreateTopicInput;
};


export type MutationDeleteExpertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteOrganisationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteQuoteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteTopicArgs = {
  id: Scalars['ID']['input'];
};


export type MutationIngestArticleArgs = {
  input: ArticleInput;
};


export type MutationMergeExpertsArgs = {
  sourceId: Scalars['ID']['input'];
  targetId: Scalars['ID']['input'];
};


export type MutationRemoveAliasArgs = {
  alias: Scalars['String']['input'];
  organisationId: Scalars['ID']['input'];
};


export type MutationUpdateExpertArgs = {
  input: UpdateExpertInput;
};


export type MutationUpdateOrganisationArgs = {
  input: UpdateOrganisationInput;
};


export type MutationUpdateQuoteArgs = {
  input: UpdateQuoteInput;
};


export type MutationUpdateTopicArgs = {
  input: UpdateTopicInput;
};

/** An object with a global id, refetchable with Query.node(id:). */
export type Node = {
  /** Opaque global id; stable across restarts. */
  id: Scalars['ID']['output'];
};

/** A police force, agency, international body, government or outlet. */
export type Organisation = Node & {
  __typename?: 'Organisation';
  acronym?: Maybe<Scalars['String']['output']>;
  /** Names it goes by in the press, e.g. الإنتربول, Interpol (at most 100). */
  aliases: Array<Scalars['String']['output']>;
  /** Articles that mention the organisation or that it published. */
  articles: ArticleConnection;
  /** ISO 3166-1 alpha-2 country code; null for international bodies. */
  country?: Maybe<Scalars['String']['output']>;
  /** Experts affiliated with the organisation, the first ones added. */
  experts: Array<Expert>;
  /** Opaque global id; stable across restarts. */
  id: Scalars['ID']['output'];
  kind: OrganisationKind;
  /** Name in Arabic, as the press prints it. */
  name: Scalars['String']['output'];
  nameEn?: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  /** Quotes whose speaker is the organisation itself (statements). */
  statements: QuoteConnection;
};


/** A police force, agency, international body, government or outlet. */
export type OrganisationArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A police force, agency, international body, government or outlet. */
export type OrganisationExpertsArgs = {
  first?: Scalars['Int']['input'];
};


/** A police force, agency, international body, government or outlet. */
export type OrganisationStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type OrganisationConnection = {
  __typename?: 'OrganisationConnection';
  edges: Array<OrganisationEdge>;
  pageInfo: PageInfo;
  /** All items in the connection, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type OrganisationEdge = {
  __typename?: 'OrganisationEdge';
  cursor: Scalars['String']['output'];
  node: Organisation;
};

export type OrganisationFilter = {
  /** ISO 3166-1 alpha-2 code, e.g. MA. */
  country?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<OrganisationKind>;
  /** Part of the name, English name, acronym or an alias. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** What sort of body an organisation is. */
export type OrganisationKind =
  | 'ACADEMIC'
  | 'ARMED_GROUP'
  | 'GOVERNMENT'
  | 'INTELLIGENCE'
  | 'INTERNATIONAL_BODY'
  | 'MEDIA_OUTLET'
  | 'NGO'
  | 'OTHER'
  | 'POLICE';

/** Where a page sits in its connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** One article by id or slug; null when none matches. */
  article?: Maybe<Article>;
  articles: ArticleConnection;
  /** One expert by id or slug; null when none matches. */
  expert?: Maybe<Expert>;
  experts: ExpertConnection;
  /** The same reading as ingestArticle, without saving anything: a preview. */
  extractArticle: ExtractionPreview;
  /** Refetches any object by its global id; null when it no longer exists. */
  node?: Maybe<Node>;
  /** One organisation by id or slug; null when none matches. */
  organisation?: Maybe<Organisation>;
  organisations: OrganisationConnection;
  /** One quote by id; null when none matches. */
  quote?: Maybe<Quote>;
  /** Quotes in the order they were ingested (per article, in reading order). */
  quotes: QuoteConnection;
  /** Ranked full-text search over quotes, articles, experts and organisations. The 1,000 most recently added matches are ranked by relevance and can be paged through; totalCount counts every match. */
  search: SearchConnection;
  /** A topic by slug, e.g. "cybersecurity"; null when none matches. */
  topic?: Maybe<Topic>;
  /** Every topic (at most 200), in the order they were added; see parent and children for the tree. */
  topics: Array<Topic>;
};


export type QueryArticleArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryExpertArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryExpertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExpertFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryExtractArticleArgs = {
  input: ArticleInput;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrganisationArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryOrganisationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrganisationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryQuoteArgs = {
  id: Scalars['ID']['input'];
};


export type QueryQuotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<QuoteFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
  types?: InputMaybe<Array<SearchType>>;
};


export type QueryTopicArgs = {
  slug: Scalars['String']['input'];
};

/** Words attributed to a speaker in an article. */
export type Quote = Node & {
  __typename?: 'Quote';
  article: Article;
  /** The words the speaker was read from, as printed («المسؤول الأمني», «وزارة الهجرة»). Where they name no one the catalogue or the name gate accepts, speaker is null and these words are what a curator has to fix it. */
  attribution?: Maybe<Scalars['String']['output']>;
  /** Offset just past the last character in article.body. */
  end: Scalars['Int']['output'];
  /** Opaque global id; stable across restarts. */
  id: Scalars['ID']['output'];
  kind: QuoteKind;
  /** Organisations the quote names (at most 50). */
  organisations: Array<Organisation>;
  origin: QuoteOrigin;
  /** 1 for the first quote of the article, 2 for the next… */
  position: Scalars['Int']['output'];
  speaker?: Maybe<Speaker>;
  /** Offset of the first character in article.body (JavaScript string index). */
  start: Scalars['Int']['output'];
  /** Exactly as in the article, without quote marks: article.body.slice(start, end). */
  text: Scalars['String']['output'];
  /** What the quote is about (at most 30 topics). */
  topics: Array<Topic>;
  /** The attribution verb as printed: قال، أضاف، أوضح… */
  verb?: Maybe<Scalars['String']['output']>;
};

export type QuoteConnection = {
  __typename?: 'QuoteConnection';
  edges: Array<QuoteEdge>;
  pageInfo: PageInfo;
  /** All items in the connection, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type QuoteEdge = {
  __typename?: 'QuoteEdge';
  cursor: Scalars['String']['output'];
  node: Quote;
};

/** All given fields must match. */
export type QuoteFilter = {
  /** Quotes from this article (slug or id). */
  article?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<QuoteKind>;
  /** Quotes that mention this organisation (slug or id). */
  organisation?: InputMaybe<Scalars['String']['input']>;
  /** From articles published at or after this instant. */
  publishedAfter?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** From articles published strictly before this instant. */
  publishedBefore?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Full-text search in the quote: words in any Arabic form, "a phrase", or a prefix*. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** The speaker: an Expert or Organisation id, or a slug. */
  speaker?: InputMaybe<Scalars['String']['input']>;
  /** A topic slug or id; its subtopics match too. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** DIRECT: words in quote marks. INDIRECT: reported speech, e.g. what a statement said. */
export type QuoteKind =
  | 'DIRECT'
  | 'INDIRECT';

/** Where the quote comes from. EXTRACTED: read by the extractor, and read again by `npm run reextract`. CURATED: annotated or edited by a curator (updateQuote, mergeExperts), kept as it is. */
export type QuoteOrigin =
  | 'CURATED'
  | 'EXTRACTED';

export type SearchConnection = {
  __typename?: 'SearchConnection';
  edges: Array<SearchEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SearchEdge = {
  __typename?: 'SearchEdge';
  cursor: Scalars['String']['output'];
  node: SearchResult;
  /** Relevance, higher is better: BM25 over each word's exact and stemmed forms, a form counted once per document, an exact form weighing three times a stemmed one. */
  score: Scalars['Float']['output'];
  snippet: Snippet;
};

export type SearchResult = Article | Expert | Organisation | Quote;

/** What a search may return. */
export type SearchType =
  | 'ARTICLE'
  | 'EXPERT'
  | 'ORGANISATION'
  | 'QUOTE';

/** Where a hit matched, cut from the original text (not the normalised form). */
export type Snippet = {
  __typename?: 'Snippet';
  /** The matching words, as offsets into text (at most 100). */
  highlights: Array<TextRange>;
  /** text, HTML-escaped, with <mark> around each highlight. */
  marked: Scalars['String']['output'];
  /** The original text around the match; … marks a cut. */
  text: Scalars['String']['output'];
};

/** Who said it: a person, or an organisation for official statements. */
export type Speaker = Expert | Organisation;

/** A stretch of text, as offsets into the snippet text. */
export type TextRange = {
  __typename?: 'TextRange';
  end: Scalars['Int']['output'];
  start: Scalars['Int']['output'];
};

/** A subject in a tree: filtering by a topic also matches its descendants (cybersecurity covers cybercrime). */
export type Topic = Node & {
  __typename?: 'Topic';
  /** Its subtopics (at most 20). */
  children: Array<Topic>;
  /** Experts quoted on the topic or any of its subtopics, the first ones added. */
  experts: Array<Expert>;
  /** Opaque global id; stable across restarts. */
  id: Scalars['ID']['output'];
  labelAr: Scalars['String']['output'];
  labelEn: Scalars['String']['output'];
  parent?: Maybe<Topic>;
  /** Quotes on the topic or any of its subtopics. */
  quotes: QuoteConnection;
  slug: Scalars['String']['output'];
};


/** A subject in a tree: filtering by a topic also matches its descendants (cybersecurity covers cybercrime). */
export type TopicExpertsArgs = {
  first?: Scalars['Int']['input'];
};


/** A subject in a tree: filtering by a topic also matches its descendants (cybersecurity covers cybercrime). */
export type TopicQuotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateExpertInput = {
  /** Organisations (slugs or ids) the expert works for; on an update, they replace the old ones. */
  affiliations?: InputMaybe<Array<Scalars['String']['input']>>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  nameLatin?: InputMaybe<Scalars['String']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  /** The title as printed, e.g. «باحث في الشؤون الاستراتيجية». */
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateOrganisationInput = {
  acronym?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2, e.g. MA. */
  country?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** OTHER when an organisation is created without one. */
  kind?: InputMaybe<OrganisationKind>;
  name?: InputMaybe<Scalars['String']['input']>;
  nameEn?: InputMaybe<Scalars['String']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** A curator’s fix to a quote; only the fields given change. */
export type UpdateQuoteInput = {
  id: Scalars['ID']['input'];
  /** The speaker: an Expert or Organisation id or slug; null clears it. */
  speaker?: InputMaybe<Scalars['String']['input']>;
  /** The corrected text: it must be a passage of the article body, whose offsets it takes. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the topics (slugs or ids). */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateTopicInput = {
  id: Scalars['ID']['input'];
  labelAr?: InputMaybe<Scalars['String']['input']>;
  labelEn?: InputMaybe<Scalars['String']['input']>;
  /** The parent topic (slug or id); null for a root topic. Left out of an update, the parent stays. */
  parent?: InputMaybe<Scalars['String']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Arabic words and phrases that mark the topic, for tagging ingested quotes; on an update, they replace the old ones. */
  terms?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type MissionQuotesQueryVariables = Exact<{ [key: string]: never; }>;


export type MissionQuotesQuery = { __typename?: 'Query', experts: { __typename?: 'ExpertConnection', edges: Array<{ __typename?: 'ExpertEdge', node: { __typename?: 'Expert', name: string, title?: string | null, quotes: { __typename?: 'QuoteConnection', totalCount: number, edges: Array<{ __typename?: 'QuoteEdge', node: { __typename?: 'Quote', text: string, article: { __typename?: 'Article', title: string }, topics: Array<{ __typename?: 'Topic', slug: string }> } }> } } }> } };

export type OrganisationStatementsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganisationStatementsQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', name: string, nameEn?: string | null, statements: { __typename?: 'QuoteConnection', edges: Array<{ __typename?: 'QuoteEdge', node: { __typename?: 'Quote', kind: QuoteKind, verb?: string | null, text: string, article: { __typename?: 'Article', title: string } } }> } } | null };

export type ArabicSearchQueryVariables = Exact<{
  query: Scalars['String']['input'];
}>;


export type ArabicSearchQuery = { __typename?: 'Query', search: { __typename?: 'SearchConnection', totalCount: number, edges: Array<{ __typename?: 'SearchEdge', score: number, snippet: { __typename?: 'Snippet', marked: string }, node: { __typename: 'Article', title: string } | { __typename: 'Expert' } | { __typename: 'Organisation' } | { __typename: 'Quote', text: string, speaker?: { __typename?: 'Expert', name: string } | { __typename?: 'Organisation' } | null } }> } };

export type TopicTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type TopicTreeQuery = { __typename?: 'Query', topics: Array<{ __typename?: 'Topic', slug: string, labelAr: string, labelEn: string, parent?: { __typename?: 'Topic', slug: string } | null, quotes: { __typename?: 'QuoteConnection', totalCount: number } }> };

export type IngestArticleMutationVariables = Exact<{
  input: ArticleInput;
}>;


export type IngestArticleMutation = { __typename?: 'Mutation', ingestArticle: { __typename?: 'Article', slug: string, quotes: { __typename?: 'QuoteConnection', totalCount: number, edges: Array<{ __typename?: 'QuoteEdge', node: { __typename?: 'Quote', text: string, kind: QuoteKind, verb?: string | null, speaker?: { __typename?: 'Expert', name: string, title?: string | null } | { __typename?: 'Organisation', name: string } | null } }> } } };


export const MissionQuotesDocument = {"__meta__":{"hash":"21175851b485965c82ac7e0ac71d4f73679e713d073c7d55898c8eb4b333c807"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MissionQuotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"معتضد","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"quotes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"topic"},"value":{"kind":"StringValue","value":"cybersecurity","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MissionQuotesQuery, MissionQuotesQueryVariables>;
export const OrganisationStatementsDocument = {"__meta__":{"hash":"155fce3871d78320aa9afafbf40ebeca0f9276ce6a501604490a6ca08d519bf2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganisationStatements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"StringValue","value":"dgsn","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"statements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganisationStatementsQuery, OrganisationStatementsQueryVariables>;
export const ArabicSearchDocument = {"__meta__":{"hash":"7cde3d1540218ac21676dca5149a2c6dc8bf3ceb22af79714242ccb160639938"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArabicSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"snippet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quote"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"speaker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Expert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArabicSearchQuery, ArabicSearchQueryVariables>;
export const TopicTreeDocument = {"__meta__":{"hash":"f0f23a9379cf3f9a81f1bd9befa8802f30b6eda68368298b2f6ceec2006a495c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TopicTree"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"labelAr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quotes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<TopicTreeQuery, TopicTreeQueryVariables>;
export const IngestArticleDocument = {"__meta__":{"hash":"af83e02f3634c07292ec487ddfd50bb57cac854098550fcdb70a51a69d9562b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IngestArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArticleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"quotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"speaker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Expert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IngestArticleMutation, IngestArticleMutationVariables>;