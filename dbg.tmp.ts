import { catalogueFromSeeds } from './src/extract/catalogue';
import { extractArticle } from './src/extract/extract';
import { loadCatalogue } from './src/seed/catalogue';
const seeds = loadCatalogue();
const catalogue = catalogueFromSeeds(seeds, { withExperts: false });
for (const a of seeds.articles) {
  const r = extractArticle({ title: a.title, body: a.body }, catalogue);
  for (const q of r.quotes) if (q.kind === 'INDIRECT') console.log(a.slug, q.start, q.end, JSON.stringify(q.text), q.verb, q.speaker ? ('person' in q.speaker ? q.speaker.person.name : q.speaker.organisation) : null, q.attribution);
}
