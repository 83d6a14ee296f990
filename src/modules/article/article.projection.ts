import { articles, experts, organisations, topics } from '../../db/schema';
import { columnOf, columns, globalIdField, isoDateTime, linkList, lookupField, referenced, rootList, type TypeProjection } from '../../graphql/compiled/projection';
import { ARTICLE_EXPERTS, ARTICLE_ORGANISATIONS, ARTICLE_TOPICS } from './article.loaders';

/** Article's own fields and lists, and the root fields that return articles, as SQL for the compiled executor. */
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
    publishedAt: { kind: 'value', sql: (self) => isoDateTime(columnOf(self, articles.publishedAt)) },
    source: referenced('Organisation', organisations, articles.sourceId),
    experts: linkList('Expert', ARTICLE_EXPERTS, experts),
    organisations: linkList('Organisation', ARTICLE_ORGANISATIONS, organisations),
    topics: linkList('Topic', ARTICLE_TOPICS, topics),
  },
  Query: { article: lookupField('Article', articles), articles: rootList('Article', articles) },
};
