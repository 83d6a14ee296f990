import { articles } from '../../db/schema';
import { columns, globalIdField, lookupField, rootList, type TypeProjection } from '../../graphql/compiled/projection';

/**
 * Article's own fields, and the root fields that return articles, as SQL for the compiled
 * executor. publishedAt (a DateTime made from milliseconds) is left to the resolvers.
 */
export const articleProjections: Record<string, TypeProjection> = {
  Article: {
    id: globalIdField('Article'),
    ...columns({
      slug: articles.slug,
      title: articles.title,
      lede: articles.lede,
      body: articles.body,
      language: articles.language,
      url: articles.url,
    }),
  },
  Query: { article: lookupField('Article', articles), articles: rootList('Article', articles) },
};
