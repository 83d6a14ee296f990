import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaSdl } from './schema';
import { fromRoot } from '../paths';

/** Where `npm run codegen` writes the SDL; a test compares it with the code. */
export const SCHEMA_FILE = fromRoot('schema.graphql');

// Run directly (by codegen's loader, codegen-schema-loader.cjs): print the SDL of the type-graphql classes.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(await schemaSdl());
}
