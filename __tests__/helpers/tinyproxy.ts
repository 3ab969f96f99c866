import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadPort } from './free-port.js';

export interface Tinyproxy {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The request lines it proxied, in order: `POST http://…/api/token HTTP/1.1`, `CONNECT host:port HTTP/1.1`. */
  requests(): string[];
  stop(): Promise<void>;
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * Debian's tinyproxy on loopback, in the foreground, with a config of our own: it serves
 * 127.0.0.1 only and logs each request line. `connectPorts` limits CONNECT to those ports (any
 * other is answered 403); without it CONNECT goes to any port.
 */
export async function startTinyproxy(options: { connectPorts?: number[] } = {}): Promise<Tinyproxy> {
  const dir = await mkdtemp(join(tmpdir(), 'pytify-proxy-'));
  const logFile = join(dir, 'tinyproxy.log');
  const port = await deadPort();
  const lines = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Allow 127.0.0.1',
    `LogFile "${logFile}"`,
    'LogLevel Connect',
    'MaxClients 20',
    ...(options.connectPorts ?? []).map((allowed) => `ConnectPort ${allowed}`),
  ];
  const config = join(dir, 'tinyproxy.conf');
  await writeFile(config, `${lines.join('\n')}\n`);
  const child = spawn('tinyproxy', ['-d', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let failed = false;
  child.once('error', (error) => {
    failed = true;
    stderr += `${error.message} (scripts/test-deps.sh installs tinyproxy)`;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (failed || child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`tinyproxy did not start on port ${port}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: () =>
      existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .split('\n')
            .map((line) => /: Request \(file descriptor \d+\): (.*)$/.exec(line)?.[1])
            .filter((line): line is string => line !== undefined)
        : [],
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
