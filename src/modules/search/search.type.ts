import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Tagged } from '../../graphql/node';
import { PageInfo } from '../../graphql/relay';
import { Article } from '../article/article.type';
import { Expert } from '../expert/expert.type';
import { Organisation } from '../organisation/organisation.type';
import { Quote } from '../quote/quote.type';
import { Bounded } from '../../graphql/list-bound';

export enum SearchType {
  QUOTE = 'QUOTE',
  ARTICLE = 'ARTICLE',
  EXPERT = 'EXPERT',
  ORGANISATION = 'ORGANISATION',
}
export enum SearchOrder {
  RELEVANCE = 'RELEVANCE',
  NEWEST_FIRST = 'NEWEST_FIRST',
}
registerEnumType(SearchOrder, {
  name: 'SearchOrder',
  description: 'How the ranked matches of a search are ordered.',
  valuesConfig: {
    RELEVANCE: { description: 'Best first (score). The default.' },
    NEWEST_FIRST: {
      description: "The same matches by date, newest first (a quote's article's date, an article's), then undated ones, then experts and organisations, each group best first.",
    },
  },
});

registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'What a search may return.',
  valuesConfig: {
    QUOTE: { description: 'Quotes, by their words.' },
    ARTICLE: { description: 'Articles, by their title and text.' },
    EXPERT: { description: 'Experts, by name and role.' },
    ORGANISATION: { description: 'Organisations, by their names and aliases.' },
  },
});

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'What a search found: a quote, an article, an expert or an organisation.',
  types: () => [Quote, Article, Expert, Organisation] as const,
  resolveType: (value) => (value as unknown as Tagged<object>).__typename,
});

@ObjectType({ description: 'A stretch of text, as offsets into the snippet text.' })
export class TextRange {
  @Field(() => Int, { description: 'Offset of the first highlighted character in the snippet text.' })
  start!: number;

  @Field(() => Int, { description: 'Offset just past the last highlighted character.' })
  end!: number;
}

@ObjectType({ description: 'Where a hit matched, cut from the original text (not the normalised form).' })
export class Snippet {
  @Field(() => String, { description: 'The original text around the match; … marks a cut.' })
  text!: string;

  @Field(() => [TextRange], { description: 'The matching words, as offsets into text (at most 100).' })
  @Bounded(100)
  highlights!: TextRange[];

  @Field(() => String, { description: 'text, HTML-escaped, with <mark> around each highlight.' })
  marked!: string;
}

@ObjectType('SearchEdge', { description: 'One hit of a search, with where it matched.' })
export class SearchEdge {
  @Field(() => String, { description: 'Pass as after to get the hits after this one, or as before for those before it.' })
  cursor!: string;

  @Field(() => SearchResult, { description: 'What matched.' })
  node!: object;

  @Field(() => Float, {
    description: "Relevance, higher is better: BM25 over each word's exact and stemmed forms, a form counted once per document, an exact form weighing three times a stemmed one.",
  })
  score!: number;

  @Field(() => Snippet, { description: 'Where it matched, cut from the original text.' })
  snippet!: Snippet | Promise<Snippet>;
}

@ObjectType('SearchConnection', { description: 'A page of search hits, best first.' })
export class SearchConnection {
  @Field(() => [SearchEdge], { description: 'The page of hits, best first.' })
  edges!: SearchEdge[];

  @Field(() => [SearchResult], { description: 'The same page as edges, what matched alone, best first.' })
  nodes!: object[];

  @Field(() => PageInfo, { description: 'Whether more hits follow, and the cursor to ask for them.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Every match, beyond the ranked ones too (counted only when asked for).' })
  totalCount!: number | Promise<number>;
}
