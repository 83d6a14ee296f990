import { ArgsType, Field } from 'type-graphql';
import { articles } from '../../db/schema';
import { columnOf } from '../../graphql/compiled/projection';
import { OrderedPageArgs, orderEnum } from '../../graphql/relay';
import { ArticleFilter } from './article.input';

const byDate = (child: string) => columnOf(child, articles.publishedKey);

/** The orders of every list of articles. */
export const ARTICLE_ORDER = orderEnum('ArticleOrder', 'How a list of articles is ordered.', {
  NEWEST_FIRST: { key: byDate, descending: true, description: 'By publication date, newest first, undated articles last: a feed. The default.' },
  OLDEST_FIRST: { key: byDate, descending: false, description: 'By publication date, oldest first, undated articles first.' },
  ADDED: { descending: false, description: 'In the order they were added.' },
});

@ArgsType()
export class ArticlePageArgs extends OrderedPageArgs(ARTICLE_ORDER, 'NEWEST_FIRST') {}

@ArgsType()
export class ArticlesArgs extends ArticlePageArgs {
  @Field(() => ArticleFilter, { nullable: true, description: 'Only the articles this filter accepts.' })
  filter?: ArticleFilter | null;
}

@ArgsType()
export class ArticleFacetsArgs {
  @Field(() => ArticleFilter, { nullable: true, description: 'Count only the articles this filter accepts (the same filter as articles takes).' })
  filter?: ArticleFilter | null;
}
