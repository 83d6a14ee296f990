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
registerEnumType(SearchType, { name: 'SearchType', description: 'What a search may return.' });

export const SearchResult = createUnionType({
  name: 'SearchResult',
  types: () => [Quote, Article, Expert, Organisation] as const,
  resolveType: (value) => (value as unknown as Tagged<object>).__typename,
});

@ObjectType({ description: 'A stretch of text, as offsets into the snippet text.' })
export class TextRange {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
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

@ObjectType('SearchEdge')
export class SearchEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => SearchResult)
  node!: object;

  @Field(() => Float, {
    description: "Relevance, higher is better: BM25 over each word's exact and stemmed forms, a form counted once per document, an exact form weighing three times a stemmed one.",
  })
  score!: number;

  @Field(() => Snippet)
  snippet!: Snippet | Promise<Snippet>;
}

@ObjectType('SearchConnection')
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges!: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number | Promise<number>;
}
