import { asc, eq } from 'drizzle-orm';
import { markHighlights, snippet, type Snippet } from '../../arabic/highlight';
import type { SearchTerm } from '../../arabic/search-query';
import { articles, experts, organisationAliases, organisations, quotes } from '../../db/schema';
import type { Context } from '../../graphql/context';
import { pageDirection, parseOffsetCursor } from '../../graphql/relay';
import { parseSearch, SEARCH_KIND, searchRow, type SearchKind } from '../../graphql/search-pattern';
import type { SearchArgs } from './search.args';
import { once } from '../../util/once';
import { searchRanker } from './search.pool';
import type { RankedMatch } from './search.ranking';
import { SearchOrder, SearchType } from './search.type';
import type { Condition } from '../../graphql/compiled/filters';
import { ARTICLE_CONDITIONS } from '../article/article.resolver';
import { QUOTE_CONDITIONS } from '../quote/quote.resolver';
import type { SearchFilter } from './search.args';
import { preparedOnce } from '../../db/prepared';

const KIND_BY_TYPE: Record<SearchType, SearchKind> = {
  [SearchType.QUOTE]: 'Quote',
  [SearchType.ARTICLE]: 'Article',
  [SearchType.EXPERT]: 'Expert',
  [SearchType.ORGANISATION]: 'Organisation',
};

/** How many of the newest matches are ranked (and so can be paged through). */
export const RANKED_CANDIDATES = 1000;

/** The ranked rows a page of a search shows, as both the resolver and the compiled statement read them. */
export interface SearchPage {
  terms: SearchTerm[];
  /** The rank of the page's first row (0 for the first page), which cursors count from. */
  offset: number;
  /** The page's rows, best first: `first` (or `last`) of them at most. */
  rows: RankedMatch[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Every match, counted off the event loop only when asked for (then kept with the ranking): counting a common word is the slow part. */
  total: () => Promise<number>;
}

type Args = Pick<SearchArgs, 'query' | 'types' | 'first' | 'after' | 'last' | 'before' | 'filter'> & { orderBy?: SearchOrder | null };

/**
 * A page of a search, ranked (and counted) off the event loop by the database's SearchRanker. Throws
 * a BAD_USER_INPUT GraphQLError for a bad page size, cursor or query, or a search over its budget.
 */
export async function loadSearchPage(args: Args, ctx: Context): Promise<SearchPage> {
  const window = pageWindowOf(args);
  const { terms, match } = parseSearch(args.query, 'query');
  const none = { terms, offset: window.from, rows: [], hasNextPage: false, hasPreviousPage: window.from > 0, total: async () => 0 };
  if (match === null || window.size === 0) return none;
  const kinds = [...new Set((args.types?.length ? args.types : Object.values(SearchType)).map((t) => SEARCH_KIND[KIND_BY_TYPE[t]]))];
  // Every kind is asked for by default: then the kind test is left out rather than checked per hit.
  const allKinds = kinds.length === Object.keys(SEARCH_KIND).length;
  const search = { terms, match, kinds: allKinds ? null : kinds };
  const ranker = searchRanker(ctx.db.$client);
  const narrowed = args.filter && searchFilter(ctx, args.filter);
  const best = await ranker.rank(search, RANKED_CANDIDATES);
  const kept = narrowed ? narrowed.keep(best) : best;
  const ranked = window.order ? newestFirst(ctx, kept) : kept;
  // The ranks after `after` and before `before`; the first `size` of them forwards, the last backwards.
  const end = Math.min(window.to, ranked.length);
  const start = window.backward ? Math.max(window.from, end - window.size) : window.from;
  const stop = window.backward ? end : Math.min(end, start + window.size);
  return {
    terms,
    offset: start,
    rows: ranked.slice(start, stop),
    // As a connection's pageInfo: in the direction read, within the other cursor; beyond a cursor, anywhere.
    hasNextPage: window.backward ? end < ranked.length : stop < end,
    hasPreviousPage: window.backward ? start > window.from : start > 0,
    total: once(async () => (narrowed ? narrowed.count(match, search.kinds) : ranker.count(search, RANKED_CANDIDATES))),
  };
}

/**
 * A search's filter, read by the conditions QuoteFilter and ArticleFilter have (one definition of
 * each field): `keep` narrows the ranked matches, `count` counts every match the filter keeps.
 * Both run here, not in the search worker: the ranking they narrow is the worker's.
 */
function searchFilter(ctx: Context, filter: SearchFilter) {
  const given = filter as unknown as Record<string, unknown>;
  const set = Object.keys(given).filter((key) => given[key] != null);
  if (!set.length) return null;
  // Each list binds a field its own way (a topic: a bitmap for quotes, ids for articles).
  const bind = (conditions: Record<string, Condition>) => set.map((key) => conditions[key].bind(given[key], ctx, `filter.${key}`));
  const bound = new Map([QUOTE_CONDITIONS, ARTICLE_CONDITIONS].map((conditions) => [conditions, bind(conditions)]));
  // The filter's condition on the search row `rowid`, and its parameters in the order it writes them.
  const condition = (rowid: string) => {
    const params: unknown[] = [];
    const parameter = (value: unknown) => {
      params.push(value);
      return '?';
    };
    const written = (conditions: Record<string, Condition>, child: string) =>
      set.map((key, i) => conditions[key].sql(child, () => parameter(bound.get(conditions)![i]))).join(' AND ');
    const quote = written(QUOTE_CONDITIONS, 'q');
    const article = written(ARTICLE_CONDITIONS, 'a');
    const text = `CASE ${rowid} & 3 WHEN ${SEARCH_KIND.Quote} THEN EXISTS (SELECT 1 FROM quotes AS q WHERE q."id" = ${rowid} >> 2 AND ${quote}) WHEN ${SEARCH_KIND.Article} THEN EXISTS (SELECT 1 FROM articles AS a WHERE a."id" = ${rowid} >> 2 AND ${article}) ELSE 0 END`;
    return { text, params };
  };
  const shape = set.join(',');
  return {
    keep(ranked: RankedMatch[]): RankedMatch[] {
      const { text, params } = condition('m.value');
      const kept = preparedOnce(ctx.db, `search.keep:${shape}`, () => ctx.db.$client.prepare(`SELECT m.key FROM json_each(?) AS m WHERE ${text}`).pluck());
      const keys = new Set(kept.all(JSON.stringify(ranked.map((r) => r.rowid)), ...params) as number[]);
      return ranked.filter((_, i) => keys.has(i));
    },
    count(match: string, kinds: number[] | null): number {
      const { text, params } = condition('s.rowid');
      const kind = kinds ? ` AND (s.rowid & 3) IN (${kinds.map(Number).join(', ')})` : '';
      const counted = preparedOnce(ctx.db, `search.count:${shape}${kind}`, () =>
        ctx.db.$client.prepare(`SELECT count(*) FROM search_index AS s WHERE s.search_index MATCH ?${kind} AND ${text}`).pluck(),
      );
      return counted.get(match, ...params) as number;
    },
  };
}

/** The ranks a page may take, from after/before offsets, and how many it takes from which end. */
function pageWindowOf(args: Args): { from: number; to: number; size: number; backward: boolean; order: string | undefined } {
  const { limit: size, backward } = pageDirection(args);
  const order = searchOrderName(args);
  return {
    from: args.after == null ? 0 : parseOffsetCursor(args.after, 'after', order) + 1,
    to: args.before == null ? Number.POSITIVE_INFINITY : parseOffsetCursor(args.before, 'before', order),
    size,
    backward,
    order,
  };
}

/** The order a search's cursors name: none for relevance, which cursors made before orders existed mean. */
export const searchOrderName = (args: Pick<Args, 'orderBy'>): string | undefined => (args.orderBy === SearchOrder.NEWEST_FIRST ? SearchOrder.NEWEST_FIRST : undefined);

/**
 * The ranked matches by date, newest first: a quote's article's date and an article's (the
 * published_key the lists sort by); experts, organisations and undated matches after them, each
 * group in its ranking's order.
 */
function newestFirst(ctx: Context, ranked: RankedMatch[]): RankedMatch[] {
  const dates = preparedOnce(ctx.db, 'search.dates', () =>
    ctx.db.$client
      .prepare(
        `SELECT m.key AS i, CASE m.value & 3 WHEN ${SEARCH_KIND.Quote} THEN (SELECT published_key FROM quotes WHERE id = m.value >> 2) WHEN ${SEARCH_KIND.Article} THEN (SELECT published_key FROM articles WHERE id = m.value >> 2) END AS day
         FROM json_each(?) AS m`,
      )
      .raw(),
  );
  const day = new Map((dates.all(JSON.stringify(ranked.map((r) => r.rowid))) as [number, number | null][]).map(([i, d]) => [i, d ?? Number.NEGATIVE_INFINITY]));
  return ranked
    .map((match, i) => ({ match, i, day: day.get(i) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.day - a.day || a.i - b.i)
    .map((x) => x.match);
}

/** A search page read ahead for the statement, whose bind() cannot wait: its count and snippets too when the query asks for them. */
export interface PreparedSearch {
  page: SearchPage;
  total: number | null;
  /** Each row's snippet, in the page's order, when asked for. */
  snippets: (SnippetOf | null)[] | null;
}

export type SnippetOf = Snippet & { marked: string };

const prepared = (ctx: Context) => ctx.memo.get('search.prepared', () => new Map<string, PreparedSearch | { failed: unknown }>());
const keyOf = (args: Args) =>
  JSON.stringify([args.query, args.types ?? null, args.first ?? null, args.after ?? null, args.last ?? null, args.before ?? null, args.orderBy ?? null, args.filter ?? null]);

/** Reads the page (and its count and snippets) for this request's statement; a failure is kept for bind() to raise. */
export async function prepareSearchPage(args: Args, ctx: Context, wants: { total: boolean; snippet: boolean }): Promise<void> {
  try {
    const page = await loadSearchPage(args, ctx);
    const total = wants.total ? await page.total() : null;
    prepared(ctx).set(keyOf(args), { page, total, snippets: wants.snippet ? page.rows.map((row) => snippetOf(ctx, row.rowid, page.terms)) : null });
  } catch (failed) {
    prepared(ctx).set(keyOf(args), { failed });
  }
}

/** The page prepareSearchPage read in this request; throws what reading it threw. */
export function preparedSearchPage(args: Args, ctx: Context): PreparedSearch {
  const found = prepared(ctx).get(keyOf(args));
  if (!found) throw new Error('no search page was prepared for these arguments');
  if ('failed' in found) throw found.failed;
  return found;
}

const withMarks = (s: Snippet): SnippetOf => ({ ...s, marked: markHighlights(s) });

/** Where a hit matched, cut from the text a reader would recognise it by; null for a row gone since it was ranked. */
function snippetOf(ctx: Context, rowid: number, terms: SearchTerm[]): SnippetOf | null {
  const { kind, id } = searchRow(rowid);
  switch (kind) {
    case SEARCH_KIND.Quote: {
      const quote = ctx.db.select({ text: quotes.text }).from(quotes).where(eq(quotes.id, id)).get();
      return quote ? withMarks(snippet(quote.text, terms)) : null;
    }
    case SEARCH_KIND.Article: {
      const article = ctx.db.select({ title: articles.title, body: articles.body }).from(articles).where(eq(articles.id, id)).get();
      if (!article) return null;
      const inTitle = snippet(article.title, terms);
      return withMarks(inTitle.highlights.length ? inTitle : snippet(article.body, terms));
    }
    case SEARCH_KIND.Expert: {
      const expert = ctx.db.select().from(experts).where(eq(experts.id, id)).get();
      return expert ? withMarks(snippet([expert.name, expert.nameLatin, expert.role].filter(Boolean).join(' — '), terms)) : null;
    }
    case SEARCH_KIND.Organisation: {
      const org = ctx.db.select().from(organisations).where(eq(organisations.id, id)).get();
      if (!org) return null;
      const aliases = ctx.db
        .select({ alias: organisationAliases.alias })
        .from(organisationAliases)
        .where(eq(organisationAliases.organisationId, id))
        .orderBy(asc(organisationAliases.alias))
        .all();
      const names = [org.name, org.nameEn, org.acronym, ...aliases.map((a) => a.alias)].filter(Boolean) as string[];
      return withMarks(names.map((n) => snippet(n, terms)).find((x) => x.highlights.length) ?? snippet(org.name, terms));
    }
    default:
      return null;
  }
}
