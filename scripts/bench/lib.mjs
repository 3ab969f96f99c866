// Small helpers for `npm run bench`: statistics, timed child processes, and a pseudo-terminal.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What the login screen shows once it is ready: the end of the first interactive frame. */
export const PROMPT = 'Press Enter to authorize';
/** The app the bench's local Spotify knows. */
export const CLIENT_ID = 'bench0000000000000000000000000000';

/** Nearest-rank percentile of numbers (p in 0..100); NaN for an empty list. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (values) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const summary = (values) => ({
  n: values.length,
  median: median(values),
  p90: percentile(values, 90),
  p99: percentile(values, 99),
  min: Math.min(...values),
  max: Math.max(...values),
});

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Fisher-Yates, so each round runs the commands in a fresh order (no fixed "always after X"). */
export function shuffle(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export const shellQuote = (value) => `'${String(value).replace(/'/g, `'\\''`)}'`;

/**
 * Runs a command to completion and times it from spawn() to 'close' (exit and stdio drained),
 * with process.hrtime, as a user's shell would experience it (node start-up included).
 */
export function timedRun(command, args, { cwd, env, stdin = 'ignore' } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, stdio: [stdin, 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ ms, code, signal, stdout, stderr });
    });
  });
}

/** GNU time, for peak RSS; undefined when this machine has none (then /proc VmHWM is used). */
export function gnuTime() {
  if (process.env.BENCH_NO_GNU_TIME || !existsSync('/usr/bin/time')) return undefined;
  const probe = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/.test(probe.stderr.trim().split('\n').pop() ?? '')
    ? '/usr/bin/time'
    : undefined;
}

/** Strips terminal escape sequences (CSI, OSC, single-character escapes) from captured output. */
export function stripAnsi(text) {
  return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g, '');
}

export const PTY_COLUMNS = 100;
export const PTY_ROWS = 30;

// A pseudo-terminal without native modules: util-linux `script` (Debian has it), else python3's
// pty module. Either runs `sh -c` with the terminal sized first: a 0-column terminal breaks Ink.
const PYTHON_PTY = `
import os, pty, sys, fcntl, termios, struct, select, signal
pid, fd = pty.fork()
if pid == 0:
    os.execvp('sh', ['sh', '-c', sys.argv[1]])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', ${PTY_ROWS}, ${PTY_COLUMNS}, 0, 0))
os.kill(pid, signal.SIGWINCH)
stdin_open = True
while True:
    fds = [fd] + ([0] if stdin_open else [])
    r, _, _ = select.select(fds, [], [])
    if fd in r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        os.write(1, data)
    if 0 in r:
        data = os.read(0, 65536)
        if data:
            os.write(fd, data)
        else:
            stdin_open = False
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, 'waitstatus_to_exitcode') else status >> 8)
`;

let ptyTool;
/** Which pseudo-terminal wrapper this machine offers: 'script' or 'python3'. */
export function ptyKind() {
  if (ptyTool) return ptyTool;
  if (process.env.BENCH_PTY === 'python3') ptyTool = 'python3';
  else if (spawnSync('script', ['-V'], { stdio: 'ignore' }).status === 0) ptyTool = 'script';
  else if (spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status === 0) ptyTool = 'python3';
  else throw new Error('no pseudo-terminal tool: install util-linux (script) or python3');
  return ptyTool;
}

/** [command, args] running `shellCommand` in a sized pseudo-terminal; exit status passed through. */
export function ptyInvocation(shellCommand) {
  const sized =
    ptyKind() === 'script' ? `stty cols ${PTY_COLUMNS} rows ${PTY_ROWS}; exec ${shellCommand}` : `exec ${shellCommand}`;
  return ptyKind() === 'script' ? ['script', ['-qfec', sized, '/dev/null']] : ['python3', ['-c', PYTHON_PTY, sized]];
}

/**
 * Runs `shellCommand` in a pseudo-terminal and reports when its output (escape codes stripped)
 * first contains `text`, in ms after spawn. `onText(child)` may then type into the terminal.
 * Resolves when the wrapper exits; kills the process group after `timeoutMs`.
 */
export function runInPty(shellCommand, { cwd, env, text, onText, timeoutMs = 20_000 }) {
  return new Promise((resolve, reject) => {
    const [command, args] = ptyInvocation(shellCommand);
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let output = '';
    let textMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, 'SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (textMs === undefined && text !== undefined && stripAnsi(output).includes(text)) {
        textMs = Number(process.hrtime.bigint() - started) / 1e6;
        onText?.(child);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ textMs, ms, code, timedOut, output: stripAnsi(output) });
    });
  });
}

/** Signals a process group this script started (detached child): the wrapper and what it runs. */
export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
