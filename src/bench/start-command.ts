import fs from 'node:fs';
import { fromRoot } from '../paths';

/**
 * node's arguments in npm start's serving step (the command after the build), read from
 * package.json: the benchmark and the tests then start the server exactly as npm start does, flags
 * included, while still owning the server's pid.
 */
export function serverNodeArgs(): string[] {
  const start: string = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')).scripts.start;
  const [program, ...args] = start.split('&&').at(-1)!.trim().split(/\s+/);
  if (program !== 'node') throw new Error(`package.json's start script should end with a node command, not: ${start}`);
  return args;
}
