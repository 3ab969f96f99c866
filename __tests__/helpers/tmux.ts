import { afterEach } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Drives a real terminal: the program runs in a detached tmux session of a fixed size, keys are
 * sent with send-keys, the screen is read with capture-pane. The exit code is written by the shell
 * wrapper to a file, since tmux does not report it.
 * Each session has a tmux server of its own (-S): on a shared one, a test file killing its last
 * session stops the server while a parallel worker is connecting, and that worker's new-session
 * fails with "server exited unexpectedly". -f /dev/null: no user's tmux.conf changes the terminal.
 */
export class TmuxSession {
  readonly name: string;
  private readonly exitFile: string;
  /** In the test's own directory: tmux leaves its socket behind when the server is killed. */
  private readonly socket: string;

  constructor(
    private readonly workDir: string,
    command: string[],
    options: { env?: Record<string, string>; width?: number; height?: number; cwd?: string } = {},
  ) {
    this.name = `pytify-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.exitFile = join(workDir, `${this.name}.exit`);
    this.socket = join(workDir, `${this.name}.sock`);
    const env = Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${shellQuote(value)}`);
    const script = `cd ${shellQuote(options.cwd ?? workDir)} && env ${env.join(' ')} ${command.map(shellQuote).join(' ')}; echo $? > ${shellQuote(this.exitFile)}; sleep 600`;
    this.tmux(
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(options.width ?? 100),
      '-y',
      String(options.height ?? 40),
      'bash',
      '--noprofile',
      '--norc',
      '-c',
      script,
    );
  }

  /** Runs a tmux command against this session's own server; returns what it printed. */
  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', this.name);
  }

  sendKeys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  async waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs = 15000): Promise<string> {
    const started = Date.now();
    let last = '';
    while (Date.now() - started < timeoutMs) {
      last = this.screen();
      if (predicate(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Timed out waiting for ${what}. Screen:\n${last}`);
  }

  waitForText(text: string, timeoutMs?: number): Promise<string> {
    return this.waitFor((screen) => screen.includes(text), JSON.stringify(text), timeoutMs);
  }

  async exitCode(timeoutMs = 15000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (existsSync(this.exitFile)) {
        const text = readFileSync(this.exitFile, 'utf8').trim();
        if (text !== '') return Number(text);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`The program did not exit. Screen:\n${this.screen()}`);
  }

  /** The pid of the program itself: the child of the pane's shell. */
  programPid(): number {
    const shell = this.tmux('list-panes', '-t', this.name, '-F', '#{pane_pid}').trim();
    const child = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0];
    return Number(child);
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(this.socket, { force: true });
  }
}

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A list to push sessions into; every one is killed after each test, whatever its outcome. */
export function sessionsKilledAfterEach(): TmuxSession[] {
  const sessions: TmuxSession[] = [];
  afterEach(() => {
    for (const session of sessions.splice(0)) session.kill();
  });
  return sessions;
}
