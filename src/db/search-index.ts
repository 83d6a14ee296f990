import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';

/**
 * The FTS5 index that migration 0002 creates, declared so queries can join it. It lives outside
 * schema.ts on purpose: drizzle-kit reads only that file and must never try to create this table.
 * rowid = entity id * 4 + kind (see SEARCH_KIND), so rowid order is id order within a kind.
 */
export const searchIndex = sqliteTable('search_index', { rowid: integer('rowid').notNull() });
