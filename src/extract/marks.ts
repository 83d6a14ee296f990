/**
 * Finds spans in quote marks the way a reader does, including the press's mistakes:
 * “…”, «…», "…", „…” and nested ‘…’; a ” used as an opening mark (”اليوروبول”); a closing mark
 * with no opening mark (ignored); a quote that runs over into the next paragraph; and a quote
 * re-opened at the start of its next paragraph (then cut in two, the second marked `continued`).
 */

export interface MarkedSpan {
  /** Offset of the first character inside the marks. */
  start: number;
  /** Offset of the closing mark (or of the paragraph end when the closing mark is missing). */
  end: number;
  /** The closing mark was missing; the span ends at its paragraph's end. */
  unclosed: boolean;
  /** Re-opened in a new paragraph: the same speaker goes on. */
  continued: boolean;
}

const OPENERS = new Set(['“', '«', '„']);
// »…« is the reversed pair some outlets type.
const PAIR: Record<string, string> = { '“': '”', '„': '”', '«': '»', '»': '«', '”': '”', '"': '"', '‘': '’' };
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

interface Open {
  mark: string;
  at: number;
}

export function findMarkedSpans(body: string): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let stack: Open[] = [];
  let continued = false;

  const close = (end: number, unclosed: boolean) => {
    const outer = stack[0];
    let start = outer.at + 1;
    let stop = end;
    while (start < stop && isSpace(body[start])) start++;
    // The press's final full stop inside the marks is not part of the words quoted.
    while (stop > start && (isSpace(body[stop - 1]) || body[stop - 1] === '.')) stop--;
    if (stop > start) spans.push({ start, end: stop, unclosed, continued });
    stack = [];
    continued = false;
  };

  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\n') {
      if (stack.length === 0) continue;
      const next = nextParagraph(body, i);
      if (next.startsWithOpener) {
        // Re-opened: close here, and the next opener starts the continuation.
        close(i, false);
        continued = true;
        i = next.openerAt - 1;
      } else if (!next.closesBeforeOpening) {
        close(i, true);
      }
      continue;
    }
    const top = stack.at(-1);
    if (c === '‘') {
      if (stack.length) stack.push({ mark: c, at: i });
    } else if (c === '’') {
      if (top?.mark === '‘') stack.pop();
    } else if (OPENERS.has(c) && !(top && c === '“' && isLetter(body[i - 1]) && !isLetter(body[i + 1])) && !(c === '«' && top?.mark === '»')) {
      stack.push({ mark: c, at: i });
    } else if (c === '»' && stack.length === 0 && isLetter(body[i + 1])) {
      // No quote is open and a word follows: a reversed »…«.
      stack.push({ mark: c, at: i });
    } else if (c === '»' || c === '”' || c === '"' || c === '“' || c === '«') {
      const openIndex = findOpen(stack, c);
      if (openIndex >= 0) {
        if (openIndex === 0) close(i, false);
        else stack.length = openIndex;
      } else if ((c === '”' || c === '"') && (isLetter(body[i + 1]) || (isSpace(body[i - 1]) && body[i + 1] === ' ' && isLetter(body[i + 2])))) {
        // No quote is open and a word follows: the mark opens (”اليوروبول”, "…", or « " … " » with
        // spaces inside, as some outlets type them).
        stack.push({ mark: c, at: i });
      }
      // Otherwise a closing mark with no opening mark: not a quote.
    }
  }
  if (stack.length) close(body.length, true);
  return spans;
}

/** The innermost open mark that `c` closes, or -1. */
function findOpen(stack: Open[], c: string): number {
  for (let k = stack.length - 1; k >= 0; k--) {
    const closer = PAIR[stack[k].mark];
    const open = stack[k].mark;
    // Mixed pairs as typed: "…” and “…", and the reversed ”…“.
    if (closer === c || (c === '“' && closer === '”') || (c === '"' && (open === '"' || open === '“' || open === '„')) || (c === '”' && open === '"')) return k;
    if (stack[k].mark === '‘') continue;
  }
  return -1;
}

function nextParagraph(body: string, newline: number): { startsWithOpener: boolean; openerAt: number; closesBeforeOpening: boolean } {
  let i = newline;
  while (i < body.length && isSpace(body[i])) i++;
  const startsWithOpener = OPENERS.has(body[i]) || body[i] === '"' || body[i] === '”';
  let end = body.indexOf('\n', i);
  if (end < 0) end = body.length;
  const paragraph = body.slice(i, end);
  const closeAt = paragraph.search(/[”»"]/);
  const openAt = paragraph.search(/[“«„]/);
  return { startsWithOpener, openerAt: i, closesBeforeOpening: closeAt >= 0 && (openAt < 0 || closeAt < openAt) };
}
