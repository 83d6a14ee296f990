/** An article's lede: its first paragraph that is not blank, trimmed. */
export function firstParagraph(body: string): string {
  return body.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}
