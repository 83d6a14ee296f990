import fs from 'node:fs';
import { expect, it } from 'vitest';
import { SCHEMA_FILE } from '../src/graphql/print-schema';
import { schemaSdl } from '../src/graphql/schema';

it('schema.graphql is up to date with the code (run `npm run codegen` after changing a type)', async () => {
  expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await schemaSdl());
});
