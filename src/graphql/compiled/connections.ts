import { getNamedType, isObjectType, type FieldNode, type GraphQLObjectType } from 'graphql';
import { jsonArray, jsonBool, orNull, type Emit, type Emitters } from './json';
import { pageWindow, type Order } from '../relay';
import { listLimit } from '../list-bound';
import { declaredFacet, tableOf, type Bound, type FieldProjection, type PageBound, type RankedPage, type Seek } from './projection';
import type { Binder, Writer } from './writer';

/**
 * A connection's edges, pageInfo and totalCount as JSON text: a connection paged in id order (or
 * another index's order), and a page ranked in JavaScript (a search).
 */

/**
 * A connection's one bind() a request, which all its fields read (`slot`), taken anew each time the
 * connection is written, before its fields (`first`): the same field in two places binds twice.
 */
function connectionSlot<B>(binder: Binder<B>) {
  let bound: Bound<B> | undefined;
  const slot = (w: Writer) => (bound ??= w.slot(binder));
  const first = (emit: Emit | null, then?: (w: Writer) => void): Emit | null =>
    emit &&
    ((self, w) => {
      bound = undefined;
      slot(w);
      then?.(w);
      return emit(self, w);
    });
  return { slot, first };
}

/** edges, pageInfo and totalCount of a page chosen in JavaScript: the hits bound as JSON, read with json_each in their order. */
export function rankedConnection(
  c: Emitters,
  p: Extract<FieldProjection, { kind: 'ranked' }>,
  type: GraphQLObjectType,
  node: FieldNode,
  args: (variables: Record<string, unknown>) => Record<string, unknown>,
): Emit | null {
  const wants = { total: false, snippet: false };
  const { slot: page, first } = connectionSlot<RankedPage>((ctx, variables) => p.bind(args(variables), ctx));
  // The hits whose row still exists, in their order, as a subquery: columns position, kind, id, cursor and score.
  const hits = (w: Writer) => {
    const [raw, hit] = [w.alias('list'), w.alias('page')];
    const exists = p.members.map((m) => {
      const row = w.alias(m.table);
      return `WHEN ${m.code} THEN EXISTS (SELECT 1 FROM ${tableOf(m.table)} AS ${row} WHERE ${row}."id" = ${hit}.id)`;
    });
    const columns = [...['kind', 'id', 'cursor', 'score'].map((c) => `${raw}.value ->> '${c}' AS ${c}`), `${raw}.value -> 'snippet' AS snippet`].join(', ');
    const json = page(w).param((b) => b.hits);
    return `SELECT ${hit}.* FROM (SELECT ${raw}.key AS position, ${columns} FROM json_each(${json}) AS ${raw}) AS ${hit} WHERE CASE ${hit}.kind ${exists.join(' ')} ELSE 0 END ORDER BY ${hit}.position`;
  };

  // A hit's node: the member whose code is its kind, as that type's selection reads it.
  const nodeOf = (set: FieldNode['selectionSet']): Emit | null => {
    const members = p.members.map((m) => ({ ...m, object: c.typed(m.type, set) }));
    if (members.some((m) => !m.object)) return null;
    return (self, w) => {
      const arms = members.map((m) => {
        const alias = w.alias(m.table);
        return `WHEN ${m.code} THEN (SELECT ${m.object!(alias, w)} FROM ${tableOf(m.table)} AS ${alias} WHERE ${alias}."id" = ${self}.id)`;
      });
      return orNull(`CASE ${self}.kind ${arms.join(' ')} END`);
    };
  };
  const edges = type.getFields().edges;
  const edgeType = edges && getNamedType(edges.type);
  const pageInfoType = c.schema.getType('PageInfo');
  const emit = c.fields(type, node.selectionSet, (name, field) => {
    if (name === 'edges' && isObjectType(edgeType)) {
      const edge = c.fields(edgeType, field.selectionSet, (edgeField, edgeNode) => {
        if (edgeField === 'cursor') return (self) => `json_quote(${self}.cursor)`;
        // Already JSON text, as graphql-js would write the Float.
        if (edgeField === 'score') return (self) => `${self}.score`;
        const snippetType = edgeField === 'snippet' ? getNamedType(edgeType.getFields().snippet.type) : null;
        if (isObjectType(snippetType)) {
          wants.snippet = true;
          return c.plain(snippetType, edgeNode.selectionSet, (self) => `${self}.snippet`);
        }
        return edgeField === 'node' ? nodeOf(edgeNode.selectionSet) : null;
      });
      if (!edge) return null;
      return (_self, w) => {
        const hit = w.alias('page');
        return jsonArray(edge(hit, w), `FROM (${hits(w)}) AS ${hit}`);
      };
    }
    if (name === 'nodes') {
      const node = nodeOf(field.selectionSet);
      if (!node) return null;
      return (_self, w) => {
        const hit = w.alias('page');
        return jsonArray(node(hit, w), `FROM (${hits(w)}) AS ${hit}`);
      };
    }
    if (name === 'pageInfo' && isObjectType(pageInfoType)) {
      return c.fields(pageInfoType, field.selectionSet, (info) => {
        switch (info) {
          case 'hasNextPage':
          case 'hasPreviousPage':
            return (_self, w) => jsonBool(page(w).param((b) => (b[info] ? 1 : 0)));
          case 'startCursor':
          case 'endCursor':
            return (_self, w) => {
              const hit = w.alias('page');
              return `json_quote((SELECT ${hit}.cursor FROM (${hits(w)}) AS ${hit} ORDER BY ${hit}.position ${info === 'startCursor' ? 'ASC' : 'DESC'} LIMIT 1))`;
            };
          default:
            return null;
        }
      });
    }
    if (name === 'totalCount' && !field.selectionSet) {
      wants.total = true;
      return (_self, w) => `json_quote(CAST(${page(w).param((b) => b.totalCount())} AS INTEGER))`;
    }
    return null;
  });
  return first(emit, (w) => w.preparers.push((ctx, variables) => p.prepare(args(variables), ctx, wants)));
}

/** Which text a connection's page takes: its order, its direction, and which cursors bound it. */
export interface PageShape {
  order: Order;
  backward: boolean;
  after: boolean;
  before: boolean;
}

/**
 * edges, nodes, pageInfo and totalCount of a connection, each a correlated subquery on the same
 * conditions. A page is a keyset range in the connection's order — (key, id), or the id alone —
 * read forwards from `after` (first) or backwards from `before` (last, then put back in order).
 */
export function pagedConnection(
  c: Emitters,
  p: Extract<FieldProjection, { kind: 'connection' }>,
  type: GraphQLObjectType,
  node: FieldNode,
  args: (variables: Record<string, unknown>) => Record<string, unknown>,
  shape: PageShape,
): Emit | null {
  const { order } = shape;
  const from = rowsFrom(p);
  const idTerm = (alias: string) => (p.via ? p.via.key(alias) : `${alias}."id"`);
  const idValue = (id: string) => (p.via ? p.via.keyOf(id) : id);
  const direction = (descending: boolean) => (descending ? 'DESC' : 'ASC');
  const op = (later: boolean, inclusive: boolean) => `${later !== order.descending ? '>' : '<'}${inclusive ? '=' : ''}`;
  /** The list's sort term for the row at `alias`: (key, id) in an order with a key, else the id (or the walk's key for it). */
  const termOf = (alias: string) => (order.key ? `(${order.key(alias)}, ${idTerm(alias)})` : idTerm(alias));
  /**
   * `term` on one side of a cursor's place: later in the list's order, or earlier, `inclusive` of
   * the place or not. `ids`: the term is a bare column of ids (pageWhere's candidates, in id order).
   */
  const beyond = (term: string, bound: Bound<PageBound>, cursor: 'after' | 'before', later: boolean, { inclusive = false, ids = false } = {}) => {
    const id = () => bound.param((b) => b[cursor]!.id);
    const place = ids ? id() : order.key ? `(${bound.param((b) => b[cursor]!.key)}, ${idValue(id())})` : idValue(id());
    return `${term} ${op(later, inclusive)} ${place}`;
  };
  // In id order a page from either end is bounded too (after id 0, before the largest id): the
  // plan is then an index range, where without a bound on the id SQLite's planner would walk the
  // table in id order (S3).
  const fromStart = !order.key && !order.descending && !shape.backward && !shape.after;
  const fromEnd = !order.key && !order.descending && shape.backward && !shape.before;
  /** The window's own bounds on `term`: after its `after` cursor and before its `before` cursor. */
  const seek = (term: string, bound: Bound<PageBound>, ids = false) => {
    const value = ids ? (id: string) => id : idValue;
    return [
      ...(fromStart ? [`${term} > ${value(bound.param(() => 0))}`] : []),
      ...(fromEnd ? [`${term} < ${value(bound.param(() => Number.MAX_SAFE_INTEGER))}`] : []),
      ...(shape.after ? [beyond(term, bound, 'after', true, { ids })] : []),
      ...(shape.before ? [beyond(term, bound, 'before', false, { ids })] : []),
    ];
  };
  // Rows read in the direction the page is read: the list's order forwards, the reverse backwards.
  const fetchDescending = order.descending !== shape.backward;
  const orderBy = (alias: string, descending: boolean) => [...(order.key ? [order.key(alias)] : []), idTerm(alias)].map((term) => `${term} ${direction(descending)}`).join(', ');
  // A page's rows, or the list's: pageWhere writes them for the way the page is read.
  const candidates = (self: string, alias: string, bound: Bound<PageBound>, seekBy: Omit<Seek, 'keyed'>) =>
    p.pageWhere ? p.pageWhere(self, alias, bound, { ...seekBy, keyed: !!order.key }) : p.where(self, alias, bound);
  // The page's rows in the order they are read (`limit` of them, or one more, which says whether
  // more follow), with their key and id term as qg_key and qg_seq.
  const rows = (self: string, w: Writer, bound: Bound<PageBound>, extra: 0 | 1, select = '*') => {
    const alias = w.alias(p.table);
    const limit = () => bound.param((b) => b.limit + extra);
    // Parameters are numbered in the order they are written: the page's conditions, then its keyset bounds, then its limit.
    const conditions = [
      ...candidates(self, alias, bound, { conditions: (column) => seek(column, bound, true), descending: fetchDescending, limit }),
      ...seek(termOf(alias), bound),
    ];
    const columns = select === '*' ? `${alias}.*, ${order.key ? order.key(alias) : 'NULL'} AS qg_key, ${idTerm(alias)} AS qg_seq` : select;
    return `SELECT ${columns} FROM ${from(alias)}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${orderBy(alias, fetchDescending)} LIMIT ${limit()}`;
  };
  const inOrder = (rowsText: string, descending: boolean) => {
    const ordered = (term: string) => `${term} ${direction(descending)}`;
    return `SELECT * FROM (${rowsText}) ORDER BY ${order.key ? `${ordered('qg_key')}, ` : ''}${ordered('qg_seq')}`;
  };
  /** The page's rows in the list's order. */
  const pageRows = (self: string, w: Writer, bound: Bound<PageBound>) => {
    const text = rows(self, w, bound, 0);
    return shape.backward ? inOrder(text, order.descending) : text;
  };
  /** Whether the list holds a row on the far side of a cursor's place (the place itself included: a cursor's row is not on the page). */
  const holdsBeyond = (self: string, w: Writer, bound: Bound<PageBound>, cursor: 'after' | 'before') => {
    const alias = w.alias(p.table);
    const later = cursor === 'before';
    const descending = order.descending !== !later;
    const bySeek = { conditions: (column: string) => [beyond(column, bound, cursor, later, { inclusive: true, ids: true })], descending, limit: () => '1' };
    const conditions = [...candidates(self, alias, bound, bySeek), beyond(termOf(alias), bound, cursor, later, { inclusive: true })];
    return `EXISTS (SELECT 1 FROM ${from(alias)} WHERE ${conditions.join(' AND ')})`;
  };
  const cursorOf = (alias: string) => (order.key ? `qg_cursor('${p.type}', ${alias}."id", '${order.name}', ${alias}.qg_key)` : `qg_cursor('${p.type}', ${alias}."id")`);

  // Written first, so that every part of this connection reads the same slot.
  const { slot: page, first } = connectionSlot<PageBound>((ctx, variables) => {
    const given = args(variables);
    return { ...pageWindow(given, p.type, order), filter: p.bind?.(given, ctx) };
  });

  const edgeType = c.schema.getType(`${p.type}Edge`);
  const pageInfoType = c.schema.getType('PageInfo');
  const emit = c.fields(type, node.selectionSet, (name, field) => {
    if (name === 'edges' && isObjectType(edgeType)) {
      const edge = c.fields(edgeType, field.selectionSet, (edgeField, edgeNode) => {
        if (edgeField === 'cursor') return (self) => `json_quote(${cursorOf(self)})`;
        return edgeField === 'node' ? c.typed(p.type, edgeNode.selectionSet) : null;
      });
      if (!edge) return null;
      return (self, w) => {
        const alias = w.alias('page');
        return jsonArray(edge(alias, w), `FROM (${pageRows(self, w, page(w))}) AS ${alias}`);
      };
    }
    if (name === 'nodes') {
      const node = c.typed(p.type, field.selectionSet);
      if (!node) return null;
      return (self, w) => {
        const alias = w.alias('page');
        return jsonArray(node(alias, w), `FROM (${pageRows(self, w, page(w))}) AS ${alias}`);
      };
    }
    if (name === 'pageInfo' && isObjectType(pageInfoType)) {
      // A page of none says there is no page beyond it in the direction it was read.
      const more = (self: string, w: Writer) => {
        const b = page(w);
        return jsonBool(`${b.param((v) => v.limit)} > 0 AND (SELECT count(*) FROM (${rows(self, w, b, 1, '1')})) > ${b.param((v) => v.limit)}`);
      };
      return c.fields(pageInfoType, field.selectionSet, (info) => {
        switch (info) {
          case 'hasNextPage':
            if (!shape.backward) return more;
            return shape.before ? (self, w) => jsonBool(holdsBeyond(self, w, page(w), 'before')) : () => "'false'";
          case 'hasPreviousPage':
            if (shape.backward) return more;
            return shape.after ? (self, w) => jsonBool(holdsBeyond(self, w, page(w), 'after')) : () => "'false'";
          case 'startCursor':
          case 'endCursor':
            return (self, w) => {
              const alias = w.alias('page');
              const first = inOrder(rows(self, w, page(w), 0), order.descending !== (info === 'endCursor'));
              return `json_quote((SELECT ${cursorOf(alias)} FROM (${first}) AS ${alias} LIMIT 1))`;
            };
          default:
            return null;
        }
      });
    }
    if (name === 'totalCount' && !field.selectionSet) {
      return (self, w) => {
        const alias = w.alias(p.table);
        const conditions = p.where(self, alias, page(w));
        return `(SELECT count(*) FROM ${from(alias)}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''})`;
      };
    }
    return null;
  });
  return first(emit);
}

/** The FROM clause of a connection's rows, naming its table `alias`: through its walk's index, if any. */
const rowsFrom = (p: Extract<FieldProjection, { kind: 'connection' }>) => (alias: string) => (p.via ? p.via.from(alias) : `${tableOf(p.table)} AS ${alias}`);

/**
 * A connection's rows counted by group, for a facets type: each field a grouping (@Facet) of the
 * rows `where` holds for (the whole list, not a page), as buckets of the bucket type.
 */
export function connectionFacets(
  c: Emitters,
  p: Extract<FieldProjection, { kind: 'connection' }>,
  type: GraphQLObjectType,
  node: FieldNode,
  args: (variables: Record<string, unknown>) => Record<string, unknown>,
): Emit | null {
  const from = rowsFrom(p);
  const { slot: list, first } = connectionSlot((ctx, variables) => ({ filter: p.bind?.(args(variables), ctx) }) as PageBound);
  const emit = c.fields(type, node.selectionSet, (name, field) => {
    const def = type.getFields()[name];
    const facet = declaredFacet(def?.extensions);
    const bucketType = def && getNamedType(def.type);
    const limit = def && listLimit(def, {});
    if (!facet || !isObjectType(bucketType) || limit === null) return null;
    const bucket = c.fields(bucketType, field.selectionSet, (part) => (['value', 'label', 'count'].includes(part) ? (g) => `json_quote(${g}.${part})` : null));
    if (!bucket) return null;
    return (self, w) => {
      const [alias, g, buckets] = [w.alias(p.table), w.alias('list'), w.alias('page')];
      const where = p.where(self, alias, list(w));
      const grouped = facet.group(alias, from(alias), where.length ? where.join(' AND ') : '1');
      const order = facet.byValue ? 'value DESC' : 'count DESC, value';
      const rows = `SELECT ${facet.value(g)} AS value, ${facet.label(g)} AS label, ${g}.count AS count FROM (${grouped}) AS ${g} ORDER BY ${order} LIMIT ${limit}`;
      return jsonArray(bucket(buckets, w), `FROM (${rows}) AS ${buckets}`);
    };
  });
  return first(emit);
}
