import type { SearchTerm } from '../../arabic/search-query';
import type { Context } from '../../graphql/context';
import { pageSize, parseOffsetCursor } from '../../graphql/relay';
import { parseSearch, SEARCH_KIND, type SearchKind } from '../../graphql/search-pattern';
import type { SearchArgs } from './search.args';
import { once } from '../../util/once';
import { searchRanker } from './search.pool';
import type { RankedMatch } from './search.ranking';
import { SearchType } from './search.type';

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
  /** The page's rows, best first: `first` of them at most. */
  rows: RankedMatch[];
  hasNextPage: boolean;
  /** Every match, counted off the event loop only when asked for (then kept with the ranking): counting a common word is the slow part. */
  total: () => Promise<number>;
}

type Args = Pick<SearchArgs, 'query' | 'types' | 'first' | 'after'>;

/**
 * A page of a search, ranked (and counted) off the event loop by the database's SearchRanker. Throws
 * a BAD_USER_INPUT GraphQLError for a bad page size, cursor or query, or a search over its budget.
 */
export async function loadSearchPage(args: Args, ctx: Context): Promise<SearchPage> {
  const first = pageSize(args.first);
  const offset = args.after == null ? 0 : parseOffsetCursor(args.after) + 1;
  const { terms, match } = parseSearch(args.query, 'query');
  if (match === null || first === 0) return { terms, offset, rows: [], hasNextPage: false, total: async () => 0 };
  const kinds = [...new Set((args.types?.length ? args.types : Object.values(SearchType)).map((t) => SEARCH_KIND[KIND_BY_TYPE[t]]))];
  // Every kind is asked for by default: then the kind test is left out rather than checked per hit.
  const allKinds = kinds.length === Object.keys(SEARCH_KIND).length;
  const search = { terms, match, kinds: allKinds ? null : kinds };
  const ranker = searchRanker(ctx.db.$client);
  const rows = (await ranker.rank(search, RANKED_CANDIDATES)).slice(offset, offset + first + 1);
  return { terms, offset, rows: rows.slice(0, first), hasNextPage: rows.length > first, total: once(() => ranker.count(search, RANKED_CANDIDATES)) };
}

/** A search page read ahead for the compiled statement, whose bind() cannot wait: its count too when the query asks for totalCount. */
export interface PreparedSearch {
  page: SearchPage;
  total: number | null;
}

const prepared = (ctx: Context) => ctx.loaders.get('search.prepared', () => new Map<string, PreparedSearch>());
const keyOf = (args: Args) => JSON.stringify([args.query, args.types ?? null, args.first ?? null, args.after ?? null]);

/** Reads the page (and its count) for the compiled statement of this request. */
export async function prepareSearchPage(args: Args, ctx: Context, withTotal: boolean): Promise<void> {
  const page = await loadSearchPage(args, ctx);
  prepared(ctx).set(keyOf(args), { page, total: withTotal ? await page.total() : null });
}

/** The page prepareSearchPage read in this request; throws when there is none, and the resolvers then answer. */
export function preparedSearchPage(args: Args, ctx: Context): PreparedSearch {
  const found = prepared(ctx).get(keyOf(args));
  if (!found) throw new Error('no search page was prepared for these arguments');
  return found;
}
