import { Args, Query, Resolver } from 'type-graphql';
import { articles, experts, organisations, quotes } from '../../db/schema';
import { bySql, Sql } from '../../graphql/compiled/projection';
import { toOffsetCursor } from '../../graphql/relay';
import { SEARCH_KIND, searchRow } from '../../graphql/search-pattern';
import { SearchArgs } from './search.args';
import { prepareSearchPage, preparedSearchPage, RANKED_CANDIDATES, searchOrderName } from './search.page';
import { SearchConnection } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description: `Ranked full-text search over quotes, articles, experts and organisations. The ${RANKED_CANDIDATES.toLocaleString('en')} most recently added matches are ranked by relevance and can be paged through; totalCount counts every match.`,
  })
  // The ranking stays in JavaScript (in the search worker, with its kept rankings), read before the
  // statement binds; the statement reads the page's rows as their types' projections write them.
  @Sql({
    kind: 'ranked',
    members: [
      { type: 'Quote', table: quotes, code: SEARCH_KIND.Quote },
      { type: 'Article', table: articles, code: SEARCH_KIND.Article },
      { type: 'Expert', table: experts, code: SEARCH_KIND.Expert },
      { type: 'Organisation', table: organisations, code: SEARCH_KIND.Organisation },
    ],
    prepare: (args, ctx, wants) => prepareSearchPage(args as unknown as SearchArgs, ctx, wants),
    bind: (args, ctx) => {
      const { page, total, snippets } = preparedSearchPage(args as unknown as SearchArgs, ctx);
      const { offset, rows, hasNextPage, hasPreviousPage } = page;
      const hits = rows.map((row, i) => ({
        ...searchRow(row.rowid),
        cursor: toOffsetCursor(offset + i, searchOrderName(args)),
        score: JSON.stringify(row.score),
        snippet: snippets?.[i] ?? null,
      }));
      return {
        hits: JSON.stringify(hits),
        hasNextPage,
        hasPreviousPage,
        totalCount: () => {
          if (total === null) throw new Error('the search was prepared without its count');
          return total;
        },
      };
    },
  })
  search(@Args(() => SearchArgs) _args: SearchArgs): never {
    return bySql();
  }
}
