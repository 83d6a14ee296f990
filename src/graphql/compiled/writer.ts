import { getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Context } from '../context';
import type { Bound, SqlWriter } from './projection';

// The SQL writer of the compiled executor: a statement's text is written once per plan, and a
// request only fills its slots (each field's bind()) and reads its parameters from them.

/** A request's arguments after bind(): one slot per field with arguments, in document order. */
export type Slots = unknown[];
export type Param = (slots: Slots) => unknown;
export type Binder<B = unknown> = (ctx: Context, variables: Record<string, unknown>) => B;

/** Writes the text once: aliases, and `?` parameters that read a request's slots. */
export class Writer implements SqlWriter {
  readonly params: Param[] = [];
  readonly binders: Binder[] = [];
  readonly preparers: Binder<Promise<unknown>>[] = [];
  private aliases = 0;

  alias(table: SQLiteTable | 'page' | 'list'): string {
    return `${typeof table === 'string' ? table : getTableName(table)}_${++this.aliases}`;
  }

  param(read: Param): string {
    this.params.push(read);
    // `+?`, not `?`: SQLite's planner reads a bound LIMIT or keyset value, and a statement whose
    // plan read one is prepared again at every run after new bindings (two thirds of S2's time).
    // Behind a unary plus the value is opaque, so the plan is made once, as the text is.
    return '+?';
  }

  /** A slot for one field's bind(); its `param` reads what bind returned in that request. */
  slot<B>(binder: Binder<B>): Bound<B> {
    const index = this.binders.push(binder) - 1;
    return { param: (pick) => this.param((slots) => pick(slots[index] as B)) };
  }
}

/** What a projection without bind() is given: writing a parameter from it is a mistake in the projection. */
export const UNBOUND: Bound<never> = {
  param: () => {
    throw new Error('a projection without bind() has no bound value to write');
  },
};
