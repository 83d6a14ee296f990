import fs from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../paths';

export const EXAMPLES_DIR = fromRoot('examples');

export interface Example {
  name: string;
  query: string;
  variables: string | null;
}

/** The operations in examples/*.graphql, in file-name order (the mission query first), with their .variables.json. */
export function loadExamples(dir = EXAMPLES_DIR): Example[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const variablesFile = path.join(dir, file.replace(/\.graphql$/, '.variables.json'));
      return {
        name: file.replace(/\.graphql$/, ''),
        query: fs.readFileSync(path.join(dir, file), 'utf8'),
        variables: fs.existsSync(variablesFile) ? fs.readFileSync(variablesFile, 'utf8') : null,
      };
    });
}
