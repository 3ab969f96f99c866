// The junk load for the listener, from its own process (as junk from other programs on the machine
// would come): COUNT complete HTTP requests with random methods, paths and headers, each on a new
// connection (no keep-alive), CONCURRENCY at a time, over raw sockets so every byte is ours.
// Every one of them is a whole request, so every one must be answered with a status line.
//
//   node junk-client.mjs <port> <count> <concurrency> <seed>
// Prints one JSON line: {latencies (ms, per request), answered, unanswered, statuses, errors}.
import { connect } from 'node:net';

const [port, count, concurrency, seed] = process.argv.slice(2).map(Number);

/** mulberry32: the same junk for the same seed on every machine. */
function seeded(start) {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(seed);
const int = (max) => Math.floor(random() * max);
const pick = (items) => items[int(items.length)];
const word = (length, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') =>
  Array.from({ length }, () => alphabet[int(alphabet.length)]).join('');

// CONNECT is left out: Node answers it by closing the socket unless the server handles 'connect'.
const METHODS = ['POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'PROPFIND', 'BREW', 'get', 'G3T'];

function path() {
  switch (int(10)) {
    case 0:
    case 1:
    case 2:
      return `/callback?code=${word(1 + int(128))}&state=${word(pick([0, 1, 22, 43]))}`;
    case 3:
      return pick([
        '/callback',
        '/callback?',
        `/callback?code=${word(16)}`,
        `/callback?error=access_denied&state=${word(22)}`,
        '/callback?state=%zz&code=%00',
      ]);
    case 4:
      return pick(['/', '/favicon.ico', '/callback/', '/CALLBACK', '/%63allback', '/./callback', '*', '/robots.txt']);
    case 5:
      return `/callback?${Array.from({ length: 1 + int(100) }, () => `${word(3)}=${word(5)}`).join('&')}`;
    case 6:
      return `/callback?state=${'x'.repeat(9_000 + int(4_000))}`; // past the 8 kB header cap: 431/400
    case 7:
      return `/${word(1 + int(200), "abc/%.-_~!$&'()*+,;=:@")}`;
    default:
      return `/${word(1 + int(30))}?${word(4)}=${word(8)}`;
  }
}

function headers() {
  const lines = [];
  const roll = random();
  if (roll < 0.7) lines.push(`Host: 127.0.0.1:${port}`);
  else
    lines.push(
      ...pick([[], [`Host: evil.example:${port}`], [`Host: localhost:${port}`], ['Host: 127.0.0.1'], ['Host: ']]),
    );
  switch (int(8)) {
    case 0:
      lines.push(...Array.from({ length: 20 + int(100) }, (_, i) => `X-Many-${i}: ${word(6)}`));
      break;
    case 1:
      lines.push(pick(['X-Bad: a\x01b', 'Bad Header: x', 'X-Nul: a\0b', 'NoColon']));
      break;
    case 2:
      lines.push(
        'User-Agent: Mozilla/5.0 (X11; Linux x86_64)',
        'Accept: text/html,*/*;q=0.8',
        'Accept-Language: en',
        'Cookie: a=b',
      );
      break;
    case 3:
      lines.push('Connection: keep-alive');
      break;
    default:
      lines.push(...Array.from({ length: int(5) }, () => `X-${word(1 + int(10))}: ${word(int(40))}`));
  }
  return lines;
}

function request() {
  const method = random() < 0.5 ? 'GET' : pick(METHODS);
  const lines = [`${method} ${path()} ${random() < 0.9 ? 'HTTP/1.1' : 'HTTP/1.0'}`, ...headers()];
  let body = '';
  if (random() < 0.15) {
    body = word(int(200));
    lines.push(`Content-Length: ${body.length}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'latin1');
}

/** One request on a new connection; resolves with its latency and status once the server closes. */
function send(bytes) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const chunks = [];
    let error;
    const socket = connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      error = 'timeout';
      socket.destroy();
    }, 10_000);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (failure) => (error = failure.code ?? failure.message));
    socket.on('close', () => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const head = Buffer.concat(chunks).subarray(0, 16).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
      resolve({ ms, status, error });
    });
  });
}

const requests = Array.from({ length: count }, request);
const latencies = [];
const statuses = {};
const errors = {};
let answered = 0;
let next = 0;
const started = process.hrtime.bigint();
async function worker() {
  while (next < requests.length) {
    const result = await send(requests[next++]);
    latencies.push(result.ms);
    if (result.status) {
      answered += 1;
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    } else errors[result.error ?? 'no answer'] = (errors[result.error ?? 'no answer'] ?? 0) + 1;
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(
  `${JSON.stringify({ latencies, answered, unanswered: count - answered, statuses, errors, wallMs })}\n`,
);
