import type { GraphQLField } from 'graphql';
import { ArgsType, Extensions, Field, Int, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from './relay';

/**
 * Every list in the schema is bounded, and the bound is declared once, on the field: `maxItems` in
 * its extensions. The cost limit counts a list by it, its SQL (compiled, or run by its resolver)
 * writes it as a LIMIT, and a middleware cuts what a field resolved in JavaScript returns to it. A list whose length follows the data (an
 * expert's articles) also takes `first`, within `maxItems`.
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

/** `first` for a list whose length follows the data: the first items in the list's order. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.` })
  first!: number;
}

/** The bound of a list whose length follows the data: `first`, up to a page. */
export const DATA_LIST = MAX_PAGE_SIZE;
