import { Extensions, Field, ObjectType } from 'type-graphql';
import { FIELD_COST } from '../../graphql/protection/cost.plugin';
import { Node, registerNodeType, type Tagged } from '../../graphql/node';
import { ConnectionType } from '../../graphql/relay';
import { articles, type ArticleRow } from '../../db/schema';
import { SqlTable } from '../../graphql/compiled/projection';

// A body is a few kilobytes where most fields are a few dozen bytes: the cost limit weighs it so.
const BODY_COST = 50;

@SqlTable(articles)
@ObjectType({ implements: Node, description: 'A press article, stored exactly as published (Unicode NFC).' })
export class Article {
  @Field(() => String, { description: 'A stable handle for URLs, made from the title.' })
  slug!: string;

  @Field(() => String, { description: 'The headline as published.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The first paragraph.' })
  lede!: string | null;

  @Field(() => String, { description: 'The full text. Quote offsets index into it (JavaScript string offsets).' })
  @Extensions({ [FIELD_COST]: BODY_COST })
  body!: string;

  @Field(() => String, { description: 'BCP 47 language tag, e.g. ar.' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'Where the article was published; null when it came without one.' })
  url!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the article was published; null when the source gave no date.' })
  publishedAt!: Date | null;
}

export const ArticleConnection = ConnectionType('Article', Article);

registerNodeType('Article', Article);

/** A row of the articles table, tagged for graphql-js (see tag). */
export type ArticleEntity = Tagged<ArticleRow, 'Article'>;
