/**
 * The reads of a small news front end, typed by codegen from examples/1*.graphql: an expert's
 * profile with their latest quotes, a topic page paged both ways, a search with its facets, and
 * the newest-first feed. test/news-frontend.test.ts runs each against a corpus.
 */
import { ExpertProfileDocument, NewestArticlesDocument, SearchWithFacetsDocument, TopicPageDocument, type ArticleFilter, type QuoteFilter, type QuoteOrder } from './gql/graphql';
import { request } from './request';

/** The expert's profile and a page of their latest quotes (after `after`, a previous page's endCursor). */
export const expertProfile = (url: string, slug: string, page: { first?: number; after?: string | null } = {}) => request(url, ExpertProfileDocument, { slug, ...page });

/** A page of a topic: `first`/`after` forwards, `last`/`before` backwards, newest first unless `order` says otherwise. */
export const topicPage = (url: string, slug: string, page: { first?: number; after?: string | null; last?: number; before?: string | null; order?: QuoteOrder }) =>
  request(url, TopicPageDocument, { slug, ...page });

/** A page of the quotes a search (and the rest of the filter) finds, newest first, and their facets. */
export const searchWithFacets = (url: string, filter: QuoteFilter, page: { first?: number; after?: string | null } = {}) =>
  request(url, SearchWithFacetsDocument, { filter, ...page });

/** A page of the newest-first feed. */
export const newestArticles = (url: string, page: { first?: number; after?: string | null; filter?: ArticleFilter } = {}) => request(url, NewestArticlesDocument, page);
