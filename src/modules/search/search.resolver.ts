import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { markHighlights, snippet, type Snippet } from '../../arabic/highlight';
import type { SearchTerm } from '../../arabic/search-query';
import type { Context } from '../../graphql/context';
import { toOffsetCursor } from '../../graphql/relay';
import { SEARCH_KIND, searchRow, type SearchKind } from '../../graphql/search-pattern';
import { articleBody, articleById, type ArticleEntity } from '../article/article.loaders';
import { expertById, type ExpertEntity } from '../expert/expert.loaders';
import { aliasesByOrganisation, organisationById, type OrganisationEntity } from '../organisation/organisation.loaders';
import { quoteById, type QuoteEntity } from '../quote/quote.loaders';
import { SearchArgs } from './search.args';
import { loadSearchPage, RANKED_CANDIDATES } from './search.page';
import { SearchConnection } from './search.type';

const KIND_BY_CODE = Object.fromEntries(Object.entries(SEARCH_KIND).map(([k, v]) => [v, k])) as Record<number, SearchKind>;

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      `Ranked full-text search over quotes, articles, experts and organisations. The ${RANKED_CANDIDATES.toLocaleString('en')} most recently added matches are ranked by relevance and can be paged through; totalCount counts every match.`,
  })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: Context): Promise<SearchConnection> {
    const { terms, offset, rows, hasNextPage, total } = await loadSearchPage(args, ctx);
    const hits = await Promise.all(rows.map((row) => loadHit(ctx, row.rowid, terms)));
    const edges = hits
      .map((hit, i) => (hit ? { cursor: toOffsetCursor(offset + i), node: hit.node, get snippet() { return hit.snippet(); }, score: rows[i].score } : null))
      .filter((e) => e !== null);
    return {
      edges,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      get totalCount() {
        return total();
      },
    };
  }
}

interface Hit {
  node: QuoteEntity | ArticleEntity | ExpertEntity | OrganisationEntity;
  /** Cut only when the client asks for it: an article's may need its body read. */
  snippet(): Promise<Snippet & { marked: string }>;
}

const withMarks = (s: Snippet): Snippet & { marked: string } => ({ ...s, marked: markHighlights(s) });

/** Loads a hit; its snippet comes from the text a reader would recognise it by. */
async function loadHit(ctx: Context, rowid: number, terms: SearchTerm[]): Promise<Hit | null> {
  const { kind, id } = searchRow(rowid);
  switch (KIND_BY_CODE[kind]) {
    case 'Quote': {
      const quote = await quoteById(ctx).load(id);
      return quote && { node: quote, snippet: async () => withMarks(snippet(quote.text, terms)) };
    }
    case 'Article': {
      const article = await articleById(ctx).load(id);
      if (!article) return null;
      return {
        node: article,
        snippet: async () => {
          const inTitle = snippet(article.title, terms);
          return withMarks(inTitle.highlights.length ? inTitle : snippet((await articleBody(ctx).load(article.id)) ?? '', terms));
        },
      };
    }
    case 'Expert': {
      const expert = await expertById(ctx).load(id);
      return expert && { node: expert, snippet: async () => withMarks(snippet([expert.name, expert.nameLatin, expert.title].filter(Boolean).join(' — '), terms)) };
    }
    case 'Organisation': {
      const org = await organisationById(ctx).load(id);
      if (!org) return null;
      return {
        node: org,
        snippet: async () => {
          const names = [org.name, org.nameEn, org.acronym, ...(await aliasesByOrganisation(ctx).load(org.id))].filter(Boolean) as string[];
          return withMarks(names.map((n) => snippet(n, terms)).find((s) => s.highlights.length) ?? snippet(org.name, terms));
        },
      };
    }
    default:
      return null;
  }
}
