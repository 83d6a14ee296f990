// GraphQL Code Generator's loader for the code-first schema: codegen.ts runs in CommonJS, the
// type-graphql classes are ESM TypeScript, so the schema is printed by a child process.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { buildSchema } = require('graphql');

module.exports = function loadCodeFirstSchema() {
  const script = path.resolve(__dirname, 'print-schema.ts');
  const sdl = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: path.resolve(__dirname, '../..') });
  return buildSchema(sdl);
};
