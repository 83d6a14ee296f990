import { sql } from 'drizzle-orm';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { markHighlights, snippet, type Snippet } from '../../arabic/highlight';
import type { SearchTerm } from '../../arabic/search-query';
import type { Context } from '../../graphql/context';
import { pageSize, parseOffsetCursor, toOffsetCursor } from '../../graphql/relay';
import { parseSearch, SEARCH_KIND, type SearchKind } from '../../graphql/search-pattern';
import { articleBody, articleById, type ArticleEntity } from '../article/article.loaders';
import { expertById, type ExpertEntity } from '../expert/expert.loaders';
import { aliasesByOrganisation, organisationById, type OrganisationEntity } from '../organisation/organisation.loaders';
import { quoteById, type QuoteEntity } from '../quote/quote.loaders';
import { SearchArgs } from './search.args';
import { SearchConnection, SearchType } from './search.type';

const KIND_BY_TYPE: Record<SearchType, SearchKind> = {
  [SearchType.QUOTE]: 'Quote',
  [SearchType.ARTICLE]: 'Article',
  [SearchType.EXPERT]: 'Expert',
  [SearchType.ORGANISATION]: 'Organisation',
};
const KIND_BY_CODE = Object.fromEntries(Object.entries(SEARCH_KIND).map(([k, v]) => [v, k])) as Record<number, SearchKind>;

// Column weights for bm25: a hit on the exact search form counts three times a stemmed one.
const RANK = sql`bm25(search_index, 3.0, 1.0)`;

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, { description: 'Ranked full-text search over quotes, articles, experts and organisations.' })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: Context): Promise<SearchConnection> {
    const first = pageSize(args.first);
    const offset = args.after == null ? 0 : parseOffsetCursor(args.after) + 1;
    const { terms, match } = parseSearch(args.query, 'query');
    const kinds = [...new Set((args.types?.length ? args.types : Object.values(SearchType)).map((t) => SEARCH_KIND[KIND_BY_TYPE[t]]))];
    if (match === null || first === 0) {
      return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: offset > 0, startCursor: null, endCursor: null }, totalCount: 0 };
    }
    const where = sql`search_index MATCH ${match} AND (rowid & 3) IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`;
    const rows = ctx.db.all<{ rowid: number; rank: number }>(
      sql`SELECT rowid, ${RANK} AS rank FROM search_index WHERE ${where} ORDER BY rank, rowid LIMIT ${first + 1} OFFSET ${offset}`,
    );
    const hits = await Promise.all(rows.slice(0, first).map((row) => loadHit(ctx, row.rowid, terms)));
    const edges = hits
      .map((hit, i) => (hit ? { cursor: toOffsetCursor(offset + i), node: hit.node, snippet: hit.snippet, score: -rows[i].rank } : null))
      .filter((e) => e !== null);
    const total = ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_index WHERE ${where}`);
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: total?.n ?? 0,
    };
  }
}

interface Hit {
  node: QuoteEntity | ArticleEntity | ExpertEntity | OrganisationEntity;
  snippet: Snippet & { marked: string };
}

function withMarks(s: Snippet): Snippet & { marked: string } {
  return { ...s, marked: markHighlights(s) };
}

/** Loads a hit and cuts its snippet from the text a reader would recognise it by. */
async function loadHit(ctx: Context, rowid: number, terms: SearchTerm[]): Promise<Hit | null> {
  const id = rowid >> 2;
  switch (KIND_BY_CODE[rowid & 3]) {
    case 'Quote': {
      const quote = await quoteById(ctx).load(id);
      return quote && { node: quote, snippet: withMarks(snippet(quote.text, terms)) };
    }
    case 'Article': {
      const article = await articleById(ctx).load(id);
      if (!article) return null;
      const inTitle = snippet(article.title, terms);
      return { node: article, snippet: withMarks(inTitle.highlights.length ? inTitle : snippet((await articleBody(ctx).load(article.id)) ?? '', terms)) };
    }
    case 'Expert': {
      const expert = await expertById(ctx).load(id);
      return expert && { node: expert, snippet: withMarks(snippet([expert.name, expert.nameLatin, expert.title].filter(Boolean).join(' — '), terms)) };
    }
    case 'Organisation': {
      const org = await organisationById(ctx).load(id);
      if (!org) return null;
      const names = [org.name, org.nameEn, org.acronym, ...(await aliasesByOrganisation(ctx).load(org.id))].filter(Boolean) as string[];
      const cut = names.map((n) => snippet(n, terms)).find((s) => s.highlights.length) ?? snippet(org.name, terms);
      return { node: org, snippet: withMarks(cut) };
    }
    default:
      return null;
  }
}
