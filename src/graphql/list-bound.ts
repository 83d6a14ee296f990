import type { GraphQLField } from 'graphql';
import { Extensions, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { pageSize } from './relay';

/**
 * Every list in the schema is bounded, and the bound is declared once, on the field: `maxItems` in
 * its extensions. The cost limit counts a list by it, its SQL (compiled, or run by its resolver)
 * writes it as a LIMIT, and a middleware cuts what a field resolved in JavaScript returns to it.
 * A list whose length follows the data (an expert's articles) is a connection, paged by `first`.
 */
const MAX_ITEMS = 'maxItems';

/** How many items a list field may return for these arguments; null for a field that is not a bounded list. Throws BAD_USER_INPUT for a bad `first`. */
export function listLimit(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
  const max = field.extensions?.[MAX_ITEMS];
  if (typeof max !== 'number') return null;
  return 'first' in args && args.first !== undefined ? Math.min(pageSize(args.first as number | null), max) : max;
}

const cut: MiddlewareFn = async ({ info, args }, next) => {
  const limit = listLimit(info.parentType.getFields()[info.fieldName], args);
  const items: unknown = await next();
  return Array.isArray(items) && limit !== null && items.length > limit ? items.slice(0, limit) : items;
};

/** A list field of at most `maxItems` items. */
export function Bounded(maxItems: number): MethodDecorator & PropertyDecorator {
  const extensions = Extensions({ [MAX_ITEMS]: maxItems });
  const middleware = UseMiddleware(cut);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    extensions(target, key, descriptor as PropertyDescriptor);
    middleware(target, key, descriptor as PropertyDescriptor);
  };
}
