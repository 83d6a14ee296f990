import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareServer } from '../../src/bench/start-command';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory of the server process, in bytes (Linux /proc). */
  rss(): number;
  close(): Promise<void>;
}

let serverArgs: string[] | undefined;

/** What `npm start` runs (the dist/ bundle, built once per test file) in a child process on a free port, over a fresh database. */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  serverArgs ??= prepareServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quote-graph-proc-'));
  // node itself, not npm: the pid must be the server's.
  const child: ChildProcess = spawn(process.execPath, serverArgs, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: path.join(dir, 'quotes.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/"url":"([^"]+)"/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    pid: child.pid!,
    rss: () => Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)![1]) * 1024,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
