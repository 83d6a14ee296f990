import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaSdl } from './schema';

// `npm run schema`: writes schema.graphql at the repo root from the type-graphql classes.
export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(SCHEMA_FILE, await schemaSdl());
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
