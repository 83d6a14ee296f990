import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { fromRoot, PROJECT_ROOT } from '../paths';

/**
 * Does what npm start does before serving (the steps of package.json's start script before its
 * node command: the build), then returns that node command's arguments. The benchmark and the
 * tests start the server exactly as npm start does, flags included, while owning the server's pid.
 */
export function prepareServer(entry: 'main' | 'bench-server' = 'main'): string[] {
  const start: string = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')).scripts.start;
  const steps = start.split('&&').map((step) => step.trim());
  const [program, ...args] = steps.at(-1)!.split(/\s+/);
  if (program !== 'node') throw new Error(`package.json's start script should end with a node command, not: ${start}`);
  for (const step of steps.slice(0, -1)) execSync(step, { cwd: PROJECT_ROOT, stdio: 'inherit' });
  // The benchmark's server: the same bundle's app, with its counters (src/bench/bench-server.ts).
  return entry === 'main' ? args : args.map((arg) => arg.replace(/dist\/main\.js$/, `dist/${entry}.js`));
}
