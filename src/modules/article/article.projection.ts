import { articleExperts, articles, experts, organisations, quotes, topics } from '../../db/schema';
import { columnOf, columns, globalIdField, isoDateTime, linkList, lookupField, referenced, rootList, rowsOfIds, tableOf, type TypeProjection } from '../../graphql/compiled/projection';
import { ARTICLE_EXPERTS, ARTICLE_ORGANISATIONS, ARTICLE_TOPICS } from './article.loaders';

/** Article's own fields and lists, an expert's articles, and the root fields that return articles, as SQL for the compiled executor. */
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
  Expert: {
    // As articleIdsByExpert: the articles that name the expert or quote them, each once, in id order.
    articles: rowsOfIds('Article', articles, (self, w) => {
      const named = w.alias(articleExperts);
      const quote = w.alias(quotes);
      return `SELECT ${columnOf(named, articleExperts.articleId)} AS id FROM ${tableOf(articleExperts)} AS ${named} WHERE ${columnOf(named, articleExperts.expertId)} = ${self}."id"
        UNION SELECT ${columnOf(quote, quotes.articleId)} FROM ${tableOf(quotes)} AS ${quote} WHERE ${columnOf(quote, quotes.speakerExpertId)} = ${self}."id"`;
    }),
  },
  Query: { article: lookupField('Article', articles), articles: rootList('Article', articles) },
};
