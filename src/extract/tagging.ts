import { AnalysedText, type Gazetteer, type GazetteerMatch } from './gazetteer';
import { sentenceEnd, sentenceStart } from './paragraphs';
import type { ExtractedQuote } from './types';

/**
 * Catalogue matching, the last stage: the topics and organisations a statement names, found once
 * for the whole text and read for each statement's range; a statement whose words name no topic
 * takes its context's.
 */
export class Tagger {
  private mainTopicsMemo: string[] | undefined;
  private orgMatchesMemo: GazetteerMatch<string>[] | undefined;
  private topicMatchesMemo: GazetteerMatch<string>[] | undefined;

  constructor(
    private readonly text: AnalysedText,
    private readonly title: string,
    private readonly topics: Gazetteer<string>,
    private readonly orgs: Gazetteer<string>,
  ) {}

  private get body(): string {
    return this.text.original;
  }

  tagsOf(start: number, end: number): { topics: string[]; organisations: string[] } {
    const from = this.text.wordAt(start);
    const to = this.text.wordAt(end);
    return {
      topics: this.topicsAround(start, end),
      organisations: unique(inRange(this.orgMatches(), from, to).map((m) => m.value)),
    };
  }

  /**
   * A statement's topics from its own words; where they name none, from its sentence, then its
   * paragraph, then the topic the article names most (the title counting twice): «موقع تونس يجعلها
   * بوابة إفريقيا» is about migration because the paragraph is.
   */
  topicsAround(start: number, end: number): string[] {
    const within = (from: number, to: number) => unique(inRange(this.topicMatches(), this.text.wordAt(from), this.text.wordAt(to)).map((m) => m.value));
    const own = within(start, end);
    if (own.length) return own;
    const sentence = within(sentenceStart(this.body, start), sentenceEnd(this.body, end));
    if (sentence.length) return sentence;
    const paragraph = within(this.body.lastIndexOf('\n', start) + 1, this.body.indexOf('\n', end) < 0 ? this.body.length : this.body.indexOf('\n', end));
    if (paragraph.length) return paragraph;
    return this.mainTopics();
  }

  /** The organisations the whole text names, read once: a quote's are those within it. */
  orgMatches(): GazetteerMatch<string>[] {
    return (this.orgMatchesMemo ??= this.orgs.find(this.text));
  }

  private topicMatches(): GazetteerMatch<string>[] {
    return (this.topicMatchesMemo ??= this.topics.find(this.text));
  }

  /** The topics the article names most often, its title counting twice; none when it names none. */
  private mainTopics(): string[] {
    if (this.mainTopicsMemo) return this.mainTopicsMemo;
    const counts = new Map<string, number>();
    for (const m of this.topicMatches()) counts.set(m.value, (counts.get(m.value) ?? 0) + 1);
    for (const m of this.topics.find(new AnalysedText(this.title))) counts.set(m.value, (counts.get(m.value) ?? 0) + 2);
    const top = Math.max(0, ...counts.values());
    this.mainTopicsMemo = top ? [...counts].filter(([, n]) => n === top).map(([slug]) => slug) : [];
    return this.mainTopicsMemo;
  }

  /** The article's topics: those of its quotes and those its text names at least twice or in the title. */
  articleTopics(quotes: ExtractedQuote[]): string[] {
    const counts = new Map<string, number>();
    for (const m of this.topicMatches()) counts.set(m.value, (counts.get(m.value) ?? 0) + 1);
    const inTitle = this.topics.find(new AnalysedText(this.title)).map((m) => m.value);
    return unique([...quotes.flatMap((q) => q.topics), ...inTitle, ...[...counts].filter(([, n]) => n >= 2).map(([slug]) => slug)]);
  }
}

/** The matches that lie within words [from, to). */
export function inRange<T>(matches: GazetteerMatch<T>[], from: number, to: number): GazetteerMatch<T>[] {
  return matches.filter((m) => m.firstWord >= from && m.lastWord < to);
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
