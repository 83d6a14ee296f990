import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { attachSqlResolvers } from './compiled/resolve';
import { buildSchema } from 'type-graphql';
import { ArticleQuotesResolver, ExpertQuotesResolver, OrganisationStatementsResolver, QuoteResolver, TopicQuotesResolver } from '../modules/quote/quote.resolver';
import { ArticleResolver, ExpertArticlesResolver, OrganisationArticlesResolver } from '../modules/article/article.resolver';
import { ExpertResolver, OrganisationExpertsResolver, TopicExpertsResolver } from '../modules/expert/expert.resolver';
import { TopicMutationsResolver } from '../modules/topic/topic-mutations.resolver';
import { OrganisationMutationsResolver } from '../modules/organisation/organisation-mutations.resolver';
import { ExpertMutationsResolver } from '../modules/expert/expert-mutations.resolver';
import { QuoteMutationsResolver } from '../modules/quote/quote-mutations.resolver';
import { IngestResolver } from '../modules/ingest/ingest.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { OrganisationResolver } from '../modules/organisation/organisation.resolver';
import { TopicResolver } from '../modules/topic/topic.resolver';
import { NodeIdResolver } from './node';
import { validateInput } from './validation';

export const RESOLVERS = [
  NodeIdResolver,
  NodeResolver,
  TopicResolver,
  OrganisationResolver,
  ExpertResolver,
  OrganisationExpertsResolver,
  TopicExpertsResolver,
  ArticleResolver,
  ExpertArticlesResolver,
  OrganisationArticlesResolver,
  QuoteResolver,
  ArticleQuotesResolver,
  ExpertQuotesResolver,
  OrganisationStatementsResolver,
  TopicQuotesResolver,
  SearchResolver,
  IngestResolver,
  TopicMutationsResolver,
  OrganisationMutationsResolver,
  ExpertMutationsResolver,
  QuoteMutationsResolver,
] as const;

let built: GraphQLSchema | undefined;

/** The schema is built once per process: type-graphql's metadata is global. */
export async function getSchema(): Promise<GraphQLSchema> {
  if (!built) {
    built = await buildSchema({ resolvers: RESOLVERS, validate: true, validateFn: validateInput });
    attachSqlResolvers(built);
    // type-graphql takes no description for the root types.
    built.getQueryType()!.description = 'What can be read: quotes, the people and organisations who said them, articles, topics, search.';
    built.getMutationType()!.description = 'What a curator can change (Authorization: Bearer <API_TOKEN>).';
  }
  return built;
}

/** The SDL committed as schema.graphql: sorted, so a diff shows only real changes. */
export async function schemaSdl(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema()));
}
