import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

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
