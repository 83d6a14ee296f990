import { getNamedType, isObjectType, type FieldNode, type GraphQLObjectType } from 'graphql';
import { jsonArray, jsonBool, orNull, type Emit, type Emitters } from './json';
import { tableOf, type Bound, type FieldProjection, type PageBound, type RankedPage } from './projection';
import type { Writer } from './writer';

/**
 * A connection's edges, pageInfo and totalCount as JSON text: a connection paged in id order (or
 * another index's order), and a page ranked in JavaScript (a search).
 */

/**
 * A connection's emitter that takes its page's slot anew each time it is written, before its
 * fields (which all read that slot): the same field in two places binds twice.
 */
const pageFirst =
  (emit: Emit, takeSlot: (w: Writer) => void): Emit =>
  (self, w) => {
    takeSlot(w);
    return emit(self, w);
  };

/** edges, pageInfo and totalCount of a page chosen in JavaScript: the hits bound as JSON, read with json_each in their order. */
export function rankedConnection(
  c: Emitters,
  p: Extract<FieldProjection, { kind: 'ranked' }>,
  type: GraphQLObjectType,
  node: FieldNode,
  args: (variables: Record<string, unknown>) => Record<string, unknown>,
): Emit | null {
  let bound: Bound<RankedPage> | undefined;
  const wants = { total: false, snippet: false };
  const page = (w: Writer) => (bound ??= w.slot((ctx, variables) => p.bind(args(variables), ctx)));
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
        if (edgeField !== 'node') return null;
        const members = p.members.map((m) => ({ ...m, object: c.typed(m.type, edgeNode.selectionSet) }));
        if (members.some((m) => !m.object)) return null;
        return (self, w) => {
          const arms = members.map((m) => {
            const alias = w.alias(m.table);
            return `WHEN ${m.code} THEN (SELECT ${m.object!(alias, w)} FROM ${tableOf(m.table)} AS ${alias} WHERE ${alias}."id" = ${self}.id)`;
          });
          return orNull(`CASE ${self}.kind ${arms.join(' ')} END`);
        };
      });
      if (!edge) return null;
      return (_self, w) => {
        const hit = w.alias('page');
        return jsonArray(edge(hit, w), `FROM (${hits(w)}) AS ${hit}`);
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
  return (
    emit &&
    pageFirst(emit, (w) => {
      bound = undefined;
      page(w);
      w.preparers.push((ctx, variables) => p.prepare(args(variables), ctx, wants));
    })
  );
}

/** edges, pageInfo and totalCount of a connection, each a correlated subquery on the same conditions. */
export function pagedConnection(
  c: Emitters,
  p: Extract<FieldProjection, { kind: 'connection' }>,
  type: GraphQLObjectType,
  node: FieldNode,
  args: (variables: Record<string, unknown>) => Record<string, unknown>,
): Emit | null {
  const table = tableOf(p.table);
  // The page's rows (limit `first`), or one more (`first` + 1, which says whether a next page
  // exists). The keyset bound is there on every page (0 on the first), so the plan is an index range.
  const from = (alias: string) => (p.via ? p.via.from(alias) : `${table} AS ${alias}`);
  const rows = (self: string, w: Writer, bound: Bound<PageBound>, extra: 0 | 1, select = '*') => {
    const alias = w.alias(p.table);
    // Parameters are numbered in the order they are written: the page's conditions, then its keyset bound.
    const conditions = (p.pageWhere ?? p.where)(self, alias, bound);
    const afterId = bound.param((b) => b.afterId ?? 0);
    conditions.push(p.via ? p.via.after(alias, afterId) : `${alias}."id" > ${afterId}`);
    const order = p.via ? p.via.order(alias) : `${alias}."id"`;
    return `SELECT ${select === '*' ? `${alias}.*` : select} FROM ${from(alias)} WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT ${bound.param((b) => b.first + extra)}`;
  };
  // Written first, so that every part of this connection reads the same slot.
  let bound: Bound<PageBound> | undefined;
  const page = (w: Writer) => (bound ??= w.slot((ctx, variables) => p.bind(args(variables), ctx)));

  const edgeType = c.schema.getType(`${p.type}Edge`);
  const pageInfoType = c.schema.getType('PageInfo');
  const emit = c.fields(type, node.selectionSet, (name, field) => {
    if (name === 'edges' && isObjectType(edgeType)) {
      const edge = c.fields(edgeType, field.selectionSet, (edgeField, edgeNode) => {
        if (edgeField === 'cursor') return (self) => `json_quote(qg_cursor('${p.type}', ${self}."id"))`;
        return edgeField === 'node' ? c.typed(p.type, edgeNode.selectionSet) : null;
      });
      if (!edge) return null;
      return (self, w) => {
        const alias = w.alias('page');
        return jsonArray(edge(alias, w), `FROM (${rows(self, w, page(w), 0)}) AS ${alias}`);
      };
    }
    if (name === 'nodes') {
      const node = c.typed(p.type, field.selectionSet);
      if (!node) return null;
      return (self, w) => {
        const alias = w.alias('page');
        return jsonArray(node(alias, w), `FROM (${rows(self, w, page(w), 0)}) AS ${alias}`);
      };
    }
    if (name === 'pageInfo' && isObjectType(pageInfoType)) {
      return c.fields(pageInfoType, field.selectionSet, (info) => {
        switch (info) {
          // A page of none says there is no next page.
          case 'hasNextPage':
            return (self, w) => {
              const b = page(w);
              return jsonBool(`${b.param((v) => v.first)} > 0 AND (SELECT count(*) FROM (${rows(self, w, b, 1, '1')})) > ${b.param((v) => v.first)}`);
            };
          case 'hasPreviousPage':
            return (_self, w) => jsonBool(page(w).param((v) => (v.afterId !== null ? 1 : 0)));
          case 'startCursor':
          case 'endCursor':
            return (self, w) => `json_quote((SELECT qg_cursor('${p.type}', ${info === 'startCursor' ? 'min' : 'max'}(id)) FROM (${rows(self, w, page(w), 0)})))`;
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
  return (
    emit &&
    pageFirst(emit, (w) => {
      bound = undefined;
      page(w);
    })
  );
}
