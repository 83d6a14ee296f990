import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { parseGlobalId } from './relay';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const RULE = 'a day (2025-09-01, its start in UTC) or a date-time with its offset (2025-09-01T08:00:00Z)';

function parse(value: unknown): Date {
  const text = typeof value === 'string' ? value.trim() : '';
  const date = DAY.test(text) ? new Date(`${text}T00:00:00.000Z`) : DATE_TIME.test(text) ? new Date(text) : null;
  if (!date || Number.isNaN(date.getTime()) || (DAY.test(text) && date.toISOString().slice(0, 10) !== text)) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a date bound: give ${RULE}.`);
  }
  return date;
}

/** A bound of a date filter: a day or a date-time, as people and generated clients write them. */
export const DateBound = new GraphQLScalarType<Date, string>({
  name: 'DateBound',
  description: `The bound of a date filter: ${RULE}.`,
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`A date bound is a string: ${RULE}.`);
    return parse(ast.value);
  },
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
});

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOPIC_RULE = "a topic's slug (cybersecurity; the topics query lists them) or its id";

function topicRef(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (SLUG.test(text) || parseGlobalId(text)?.type === 'Topic') return text;
  throw new GraphQLError(`${JSON.stringify(value)} is not a topic reference: give ${TOPIC_RULE}.`);
}

/**
 * A topic, by slug or id, checked for its form before the query runs; whether such a topic exists
 * is checked when the query binds it (BAD_USER_INPUT naming the argument and the known slugs). A
 * scalar and not an enum: curators extend the tree while clients run.
 */
export const TopicRef = new GraphQLScalarType<string, string>({
  name: 'TopicRef',
  description: `A topic: ${TOPIC_RULE}. Its subtopics match too.`,
  parseValue: topicRef,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`A topic reference is a string: ${TOPIC_RULE}.`);
    return topicRef(ast.value);
  },
  serialize: (value) => String(value),
});
