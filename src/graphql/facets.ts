import { getTableName } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { Field, Int, ObjectType } from 'type-graphql';
import { UNDATED_MS } from '../db/schema';
import { columnOf, tableOf, type FacetGroup } from './compiled/projection';
import type { NodeTypeName } from './relay';

/** How many buckets a facet lists at most (the most counted); months: the latest. */
export const MAX_BUCKETS = 50;
export const MAX_MONTHS = 120;

@ObjectType({ description: 'One group of a facet: what its items share, and how many of them there are.' })
export class FacetBucket {
  @Field(() => String, {
    description: 'What the group shares, as the filters take it: the id of a topic, speaker, organisation or outlet, or a month as YYYY-MM.',
  })
  value!: string;

  @Field(() => String, { description: 'What to show for it: the name (Arabic) of the topic, speaker, organisation or outlet; the month as YYYY-MM.' })
  label!: string;

  @Field(() => Int, { description: 'How many items of the list are in the group.' })
  count!: number;
}

/** The name to show of the row whose `label` column it is, with id `id` (an SQL value). */
export const nameOfRow = (label: SQLiteColumn, id: string) => {
  const table = tableOf(label.table);
  return `(SELECT ${columnOf(table, label)} FROM ${table} WHERE ${table}."id" = ${id})`;
};

/** A bucket of rows of `type`, grouped by their id (column `id`): its value the global id, its label the row's `label` column. */
export const rowBuckets = (type: NodeTypeName, label: SQLiteColumn): Pick<FacetGroup, 'value' | 'label'> => ({
  value: (g) => `qg_global_id('${type}', ${g}.id)`,
  label: (g) => nameOfRow(label, `${g}.id`),
});

/** Items grouped by the rows of `type` a join table links them to: (item column, target column); the label is the target's `label` column. */
export function linkFacet(itemColumn: SQLiteColumn, targetColumn: SQLiteColumn, type: NodeTypeName, label: SQLiteColumn): FacetGroup {
  return {
    group: (child, from, where) => {
      const link = `${child}_${getTableName(itemColumn.table)}`;
      return `SELECT ${columnOf(link, targetColumn)} AS id, count(*) AS count FROM ${from} JOIN ${tableOf(itemColumn.table)} AS ${link} ON ${columnOf(link, itemColumn)} = ${child}."id" WHERE ${where} GROUP BY 1`;
    },
    ...rowBuckets(type, label),
  };
}

/** Items grouped by a row of `type` that an expression of the item points at (`key`: NULL for none, left out). */
export function pointerFacet(key: (child: string) => string, joins: (child: string) => string, type: NodeTypeName, label: SQLiteColumn): FacetGroup {
  return {
    group: (child, from, where) => `SELECT ${key(child)} AS id, count(*) AS count FROM ${from}${joins(child)} WHERE ${where} AND ${key(child)} IS NOT NULL GROUP BY 1`,
    ...rowBuckets(type, label),
  };
}

/** Items grouped by the month (UTC) of a date key column, undated items left out; latest month first. */
export function monthFacet(dateKey: SQLiteColumn): FacetGroup {
  return {
    group: (child, from, where) => {
      const key = columnOf(child, dateKey);
      return `SELECT strftime('%Y-%m', ${key} / 1000, 'unixepoch') AS month, count(*) AS count FROM ${from} WHERE ${where} AND ${key} > ${UNDATED_MS} GROUP BY 1`;
    },
    value: (g) => `${g}.month`,
    label: (g) => `${g}.month`,
    byValue: true,
  };
}
