import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../graphql/relay';
import { ArticleFilter } from './article.input';

@ArgsType()
export class ArticlesArgs extends PageArgs {
  @Field(() => ArticleFilter, { nullable: true, description: 'Only the articles this filter accepts.' })
  filter?: ArticleFilter | null;
}
