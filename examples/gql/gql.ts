/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query MissionQuotes {\n  experts(filter: {search: \"معتضد\"}) {\n    edges {\n      node {\n        name\n        title\n        quotes(topic: \"cybersecurity\") {\n          totalCount\n          edges {\n            node {\n              text\n              article {\n                title\n              }\n              topics {\n                slug\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.MissionQuotesDocument,
    "query OrganisationStatements {\n  organisation(slug: \"dgsn\") {\n    name\n    nameEn\n    statements {\n      edges {\n        node {\n          kind\n          verb\n          text\n          article {\n            title\n          }\n        }\n      }\n    }\n  }\n}": typeof types.OrganisationStatementsDocument,
    "query ArabicSearch($query: String!) {\n  search(query: $query, first: 10) {\n    totalCount\n    edges {\n      score\n      snippet {\n        marked\n      }\n      node {\n        __typename\n        ... on Quote {\n          text\n          speaker {\n            ... on Expert {\n              name\n            }\n          }\n        }\n        ... on Article {\n          title\n        }\n      }\n    }\n  }\n}": typeof types.ArabicSearchDocument,
    "query TopicTree {\n  topics {\n    slug\n    labelAr\n    labelEn\n    parent {\n      slug\n    }\n    quotes(first: 0) {\n      totalCount\n    }\n  }\n}": typeof types.TopicTreeDocument,
    "mutation IngestArticle($input: ArticleInput!) {\n  ingestArticle(input: $input) {\n    slug\n    quotes {\n      totalCount\n      edges {\n        node {\n          text\n          kind\n          verb\n          speaker {\n            ... on Expert {\n              name\n              title\n            }\n            ... on Organisation {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.IngestArticleDocument,
};
const documents: Documents = {
    "query MissionQuotes {\n  experts(filter: {search: \"معتضد\"}) {\n    edges {\n      node {\n        name\n        title\n        quotes(topic: \"cybersecurity\") {\n          totalCount\n          edges {\n            node {\n              text\n              article {\n                title\n              }\n              topics {\n                slug\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.MissionQuotesDocument,
    "query OrganisationStatements {\n  organisation(slug: \"dgsn\") {\n    name\n    nameEn\n    statements {\n      edges {\n        node {\n          kind\n          verb\n          text\n          article {\n            title\n          }\n        }\n      }\n    }\n  }\n}": types.OrganisationStatementsDocument,
    "query ArabicSearch($query: String!) {\n  search(query: $query, first: 10) {\n    totalCount\n    edges {\n      score\n      snippet {\n        marked\n      }\n      node {\n        __typename\n        ... on Quote {\n          text\n          speaker {\n            ... on Expert {\n              name\n            }\n          }\n        }\n        ... on Article {\n          title\n        }\n      }\n    }\n  }\n}": types.ArabicSearchDocument,
    "query TopicTree {\n  topics {\n    slug\n    labelAr\n    labelEn\n    parent {\n      slug\n    }\n    quotes(first: 0) {\n      totalCount\n    }\n  }\n}": types.TopicTreeDocument,
    "mutation IngestArticle($input: ArticleInput!) {\n  ingestArticle(input: $input) {\n    slug\n    quotes {\n      totalCount\n      edges {\n        node {\n          text\n          kind\n          verb\n          speaker {\n            ... on Expert {\n              name\n              title\n            }\n            ... on Organisation {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.IngestArticleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MissionQuotes {\n  experts(filter: {search: \"معتضد\"}) {\n    edges {\n      node {\n        name\n        title\n        quotes(topic: \"cybersecurity\") {\n          totalCount\n          edges {\n            node {\n              text\n              article {\n                title\n              }\n              topics {\n                slug\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query MissionQuotes {\n  experts(filter: {search: \"معتضد\"}) {\n    edges {\n      node {\n        name\n        title\n        quotes(topic: \"cybersecurity\") {\n          totalCount\n          edges {\n            node {\n              text\n              article {\n                title\n              }\n              topics {\n                slug\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganisationStatements {\n  organisation(slug: \"dgsn\") {\n    name\n    nameEn\n    statements {\n      edges {\n        node {\n          kind\n          verb\n          text\n          article {\n            title\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query OrganisationStatements {\n  organisation(slug: \"dgsn\") {\n    name\n    nameEn\n    statements {\n      edges {\n        node {\n          kind\n          verb\n          text\n          article {\n            title\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ArabicSearch($query: String!) {\n  search(query: $query, first: 10) {\n    totalCount\n    edges {\n      score\n      snippet {\n        marked\n      }\n      node {\n        __typename\n        ... on Quote {\n          text\n          speaker {\n            ... on Expert {\n              name\n            }\n          }\n        }\n        ... on Article {\n          title\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query ArabicSearch($query: String!) {\n  search(query: $query, first: 10) {\n    totalCount\n    edges {\n      score\n      snippet {\n        marked\n      }\n      node {\n        __typename\n        ... on Quote {\n          text\n          speaker {\n            ... on Expert {\n              name\n            }\n          }\n        }\n        ... on Article {\n          title\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TopicTree {\n  topics {\n    slug\n    labelAr\n    labelEn\n    parent {\n      slug\n    }\n    quotes(first: 0) {\n      totalCount\n    }\n  }\n}"): (typeof documents)["query TopicTree {\n  topics {\n    slug\n    labelAr\n    labelEn\n    parent {\n      slug\n    }\n    quotes(first: 0) {\n      totalCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IngestArticle($input: ArticleInput!) {\n  ingestArticle(input: $input) {\n    slug\n    quotes {\n      totalCount\n      edges {\n        node {\n          text\n          kind\n          verb\n          speaker {\n            ... on Expert {\n              name\n              title\n            }\n            ... on Organisation {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["mutation IngestArticle($input: ArticleInput!) {\n  ingestArticle(input: $input) {\n    slug\n    quotes {\n      totalCount\n      edges {\n        node {\n          text\n          kind\n          verb\n          speaker {\n            ... on Expert {\n              name\n              title\n            }\n            ... on Organisation {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;