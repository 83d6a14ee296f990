import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Example } from './examples';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/**
 * GraphiQL, served from the project's own dependencies: React's and GraphiQL's browser builds
 * come from node_modules, so the page makes no request outside the server's origin.
 */
export const PLAYGROUND_ASSETS: Record<string, { file: string; type: string }> = {
  '/playground/react.js': { file: path.join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  '/playground/react-dom.js': { file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  '/playground/graphiql.js': { file: path.join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  '/playground/graphiql.css': { file: path.join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

export function readAsset(pathname: string): { body: Buffer; type: string } | null {
  const asset = PLAYGROUND_ASSETS[pathname];
  return asset ? { body: fs.readFileSync(asset.file), type: asset.type } : null;
}

// JSON inside <script> must not be able to close the tag.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function playgroundHtml(examples: Example[], endpoint = '/graphql'): string {
  // Mutations need the curator token: their tabs start with the header to fill in.
  const tabs = examples.map((e) => ({
    query: e.query,
    variables: e.variables ?? undefined,
    headers: /^\s*mutation\b/m.test(e.query) ? '{\n  "Authorization": "Bearer <API_TOKEN>"\n}' : undefined,
  }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The quote graph — GraphQL Playground</title>
<link rel="stylesheet" href="/playground/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the playground…</div>
<script src="/playground/react.js"></script>
<script src="/playground/react-dom.js"></script>
<script src="/playground/graphiql.js"></script>
<script>
  const tabs = ${scriptJson(tabs)};
  const fetcher = GraphiQL.createFetcher({ url: ${scriptJson(endpoint)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: tabs,
      defaultEditorToolsVisibility: 'variables',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
</script>
</body>
</html>
`;
}
