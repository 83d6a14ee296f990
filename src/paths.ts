import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds package.json. Found by walking up rather than by a fixed `../..`, so
 * paths are the same whether the code runs from src/ (tsx, tests) or from the dist/ bundle.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

export const fromRoot = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
