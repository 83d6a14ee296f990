import type { SearchTerm } from '../../arabic/search-query';
import type { Context } from '../../graphql/context';
import { pageSize, parseOffsetCursor } from '../../graphql/relay';
import { parseSearch, SEARCH_KIND, type SearchKind } from '../../graphql/search-pattern';
import type { SearchArgs } from './search.args';
import { rankedSearch } from './search.cache';
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
  /** Every match, counted only when asked for (then kept with the ranking): counting a common word is the slow part. */
  total: () => number;
}

/** Throws a BAD_USER_INPUT GraphQLError for a bad page size, cursor or query, as the resolver reports it. */
export function searchPage(args: Pick<SearchArgs, 'query' | 'types' | 'first' | 'after'>, ctx: Context): SearchPage {
  const first = pageSize(args.first);
  const offset = args.after == null ? 0 : parseOffsetCursor(args.after) + 1;
  const { terms, match } = parseSearch(args.query, 'query');
  if (match === null || first === 0) return { terms, offset, rows: [], hasNextPage: false, total: () => 0 };
  const kinds = [...new Set((args.types?.length ? args.types : Object.values(SearchType)).map((t) => SEARCH_KIND[KIND_BY_TYPE[t]]))];
  // Every kind is asked for by default: then the kind test is left out rather than checked per hit.
  const allKinds = kinds.length === Object.keys(SEARCH_KIND).length;
  const { ranked, total } = rankedSearch(ctx.db.$client, { terms, match, kinds: allKinds ? null : kinds }, RANKED_CANDIDATES);
  const rows = ranked.slice(offset, offset + first + 1);
  return { terms, offset, rows: rows.slice(0, first), hasNextPage: rows.length > first, total };
}
