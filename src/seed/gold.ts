import type { GoldArticle } from '../extract/evaluate';
import type { Seeds } from './seeds';

/** Seed articles as gold, with speakers named as printed. */
export function goldFromSeeds(seeds: Seeds): GoldArticle[] {
  const names = new Map(seeds.experts.map((e) => [e.slug, e.name]));
  return seeds.articles.map((a) => ({
    id: `seeds/${a.slug}`,
    title: a.title,
    body: a.body,
    quotes: a.quotes.map((q) => ({
      ...q,
      speaker: q.speaker === null ? null : 'expert' in q.speaker ? { name: names.get(q.speaker.expert) ?? q.speaker.expert } : q.speaker,
    })),
    notQuotes: a.notQuotes.map((n) => n.text),
  }));
}
