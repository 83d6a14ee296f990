/**
 * The read fields that resolve in JavaScript, and why. Every other read field reads as SQL: declared
 * with @Sql, or a column of its type's table (@SqlTable), or a part of a connection that its
 * connection's projection writes (edges, pageInfo, totalCount, cursor, score, snippet).
 * test/read-path.test.ts fails on a field that is in none of these.
 */
export const JAVASCRIPT_FIELDS: Record<string, string> = {
  'Query.extractArticle': 'reads the article in its input, not the database: the extractor is JavaScript',
  'ExtractionPreview.*': 'what the extractor read from the input, made in JavaScript',
  'ExtractedQuote.*': 'a statement the extractor read from the input',
  'ExtractedSpeaker.*': 'who the extractor says spoke; its expert and organisation are rows, read by their own SQL',
};
