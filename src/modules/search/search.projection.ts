import { articles, experts, organisations, quotes } from '../../db/schema';
import type { TypeProjection } from '../../graphql/compiled/projection';
import { toOffsetCursor } from '../../graphql/relay';
import { SEARCH_KIND, searchRow } from '../../graphql/search-pattern';
import type { SearchArgs } from './search.args';
import { prepareSearchPage, preparedSearchPage } from './search.page';

/**
 * `search` for the compiled executor: the ranking stays in JavaScript (loadSearchPage, in the search
 * worker with its kept rankings, read before the statement binds), and the statement reads the page's rows as their types' projections write them.
 * Snippets have no projection: a search that asks for them runs through the resolvers.
 */
export const searchProjections: Record<string, TypeProjection> = {
  Query: {
    search: {
      kind: 'ranked',
      members: [
        { type: 'Quote', table: quotes, code: SEARCH_KIND.Quote },
        { type: 'Article', table: articles, code: SEARCH_KIND.Article },
        { type: 'Expert', table: experts, code: SEARCH_KIND.Expert },
        { type: 'Organisation', table: organisations, code: SEARCH_KIND.Organisation },
      ],
      prepare: (args, ctx, withTotal) => prepareSearchPage(args as unknown as SearchArgs, ctx, withTotal),
      bind: (args, ctx) => {
        const { page, total } = preparedSearchPage(args as unknown as SearchArgs, ctx);
        const { offset, rows, hasNextPage } = page;
        const hits = rows.map((row, i) => ({ ...searchRow(row.rowid), cursor: toOffsetCursor(offset + i), score: JSON.stringify(row.score) }));
        return {
          hits: JSON.stringify(hits),
          hasNextPage,
          hasPreviousPage: offset > 0,
          totalCount: () => {
            if (total === null) throw new Error('the search was prepared without its count');
            return total;
          },
        };
      },
    },
  },
};
