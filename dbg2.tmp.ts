import { catalogueFromSeeds } from './src/extract/catalogue';
import { extractArticle } from './src/extract/extract';
import { loadCatalogue } from './src/seed/catalogue';
const seeds = loadCatalogue();
const catalogue = catalogueFromSeeds(seeds, { withExperts: false });
const body = process.argv[2];
const r = extractArticle({ title: 't', body }, catalogue);
for (const q of r.quotes) console.log(q.kind, JSON.stringify(q.text), '|', q.speaker ? ('person' in q.speaker ? q.speaker.person.name : q.speaker.organisation) : '-', '|', q.attribution);
console.log(r.people);
