import { Field, ObjectType } from 'type-graphql';
import { Node, registerNodeType } from '../../graphql/node';
import { ConnectionType } from '../../graphql/relay';

@ObjectType({ implements: Node, description: 'A press article, stored exactly as published (Unicode NFC).' })
export class Article {
  @Field(() => String)
  slug!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'The first paragraph.' })
  lede!: string | null;

  @Field(() => String, { description: 'The full text. Quote offsets index into it (JavaScript string offsets).' })
  body!: string;

  @Field(() => String, { description: 'BCP 47 language tag, e.g. ar.' })
  language!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;
}

export const ArticleConnection = ConnectionType('Article', Article);

registerNodeType('Article', Article);
