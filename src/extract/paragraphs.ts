/** An article's lede: its first paragraph that is not blank, trimmed. */
export function firstParagraph(body: string): string {
  return (
    body
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}

const SENTENCE_END = /[.!?؟\n]/;

/** Where the sentence that ends at or after `after` ends: its full stop, or its paragraph's end. */
export function sentenceEnd(body: string, after: number): number {
  for (let i = after; i < body.length; i++) if (SENTENCE_END.test(body[i])) return i;
  return body.length;
}

/** Where the sentence that holds `before` starts. */
export function sentenceStart(body: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (SENTENCE_END.test(body[i])) return i + 1;
  return 0;
}
