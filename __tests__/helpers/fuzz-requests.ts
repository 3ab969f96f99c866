/**
 * Random HTTP/1.x requests for fuzzing the callback listener: a seeded generator, so a failing
 * run is reproduced with the seed it printed.
 */

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzCase {
  /** The first line sent, for failure messages (escaped, cut short). */
  label: string;
  chunks: Buffer[];
  /**
   * 'answer': a complete request (valid or not) the server must answer with a status line;
   * 'any': garbage or a request cut short, where only "no crash" is required.
   */
  expect: 'answer' | 'any';
  /** Requests in `chunks` (more than one: pipelined). */
  requests: number;
  /** Destroy the socket this soon after sending (an early close). */
  closeAfterMs?: number;
  /**
   * Holds a CONNECT: without a 'connect' listener Node destroys the socket unanswered, and with
   * it any answer still pending for earlier pipelined requests.
   */
  hasConnect: boolean;
}

/** Markup a listener must never reflect unescaped. */
export const XSS = '<script>alert(1)</script>';
export const XSS_ATTR = '"><img src=x onerror=alert(1)>';

export class RequestFuzzer {
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly port: number,
  ) {
    this.random = seededRandom(seed);
  }

  private int(max: number): number {
    return Math.floor(this.random() * max);
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  private word(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'): string {
    let text = '';
    for (let i = 0; i < length; i += 1) text += alphabet[this.int(alphabet.length)];
    return text;
  }

  private bytes(length: number): string {
    let text = '';
    for (let i = 0; i < length; i += 1) text += String.fromCharCode(this.int(256));
    return text;
  }

  private method(): string {
    const roll = this.random();
    if (roll < 0.45) return 'GET';
    if (roll < 0.85)
      return this.pick(['POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND']);
    return this.pick([
      'get',
      'BREW',
      'G3T',
      'GET\t',
      'GE T',
      '',
      this.word(1 + this.int(12)),
      this.bytes(1 + this.int(8)),
    ]);
  }

  private junk(): string {
    return this.pick([
      '%',
      '%zz',
      '%00',
      '%ff%fe',
      '%C3%28',
      '%E2%82',
      '%25%32%35',
      '%%',
      '+',
      '&&&',
      '=',
      '#frag',
      '%0d%0a',
    ]);
  }

  private path(): string {
    const state = () => this.word(this.pick([0, 1, 22, 43, 64]));
    const code = () => this.word(this.pick([1, 16, 128]));
    switch (this.int(16)) {
      case 0:
        return `/callback?code=${code()}&state=${state()}`;
      case 1:
        return `/callback?state=${state()}&code=${code()}&code=${code()}&state=${state()}`;
      case 2:
        return this.pick([
          '/callback',
          '/callback?',
          `/callback?code=${code()}`,
          `/callback?error=access_denied&state=${state()}`,
        ]);
      case 3:
        return `/callback?state=${this.junk()}${state()}${this.junk()}&code=${this.junk()}`;
      case 4:
        return this.pick([
          '/',
          '/favicon.ico',
          '/callback/',
          '/CALLBACK',
          '/%63allback',
          '/callback/..',
          '/./callback',
          '/callback;x',
          '*',
        ]);
      case 5:
        return `/${XSS}?state=${XSS}&code=${encodeURIComponent(XSS_ATTR)}`;
      case 6:
        return `/callback?state=${XSS}&code=${XSS_ATTR}`;
      case 7:
        // Past the 8 kB header cap.
        return `/callback?state=${'x'.repeat(12_000 + this.int(6_000))}`;
      case 8:
        return this.pick(['/call\0back', '/callback?state=\0&code=\0', '/\0']);
      case 9:
        return `/callback?state=${this.bytes(4 + this.int(12))}`;
      case 10:
        return this.pick(['/callback?state=\xff\xfe\xc3\x28', '/\xe2\x82', '/caf\xe9']);
      case 11:
        // Targets that are not plain paths: authority-like, backslashes, absolute-form.
        return this.pick([
          '//[',
          '//x:99999/callback',
          '/\\[',
          `http://127.0.0.1:${this.port}/callback?state=${state()}&code=x`,
          'http://[',
          '//evil.example/callback',
        ]);
      case 12:
        return `/callback?${Array.from({ length: 1 + this.int(200) }, () => `${this.word(3)}=${this.word(3)}`).join('&')}`;
      case 13:
        return `/${this.word(1 + this.int(300), "abc/%.-_~!$&'()*+,;=:@")}`;
      default:
        return `/callback?code=${code()}&state=${state()}`;
    }
  }

  private version(): string {
    const roll = this.random();
    if (roll < 0.85) return 'HTTP/1.1';
    if (roll < 0.93) return 'HTTP/1.0';
    return this.pick(['HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 extra', 'http/1.1', 'HTTP/1', 'HTTP/1.1\0']);
  }

  private hostLines(): string[] {
    const own = `127.0.0.1:${this.port}`;
    const roll = this.random();
    if (roll < 0.6) return [`Host: ${own}`];
    return this.pick([
      [],
      [`Host: evil.example:${this.port}`],
      [`Host: localhost:${this.port}`],
      ['Host: 127.0.0.1'],
      [`Host: [::1]:${this.port}`],
      [`Host: ${own}`, `Host: evil.example:${this.port}`],
      [`Host: evil.example:${this.port}`, `Host: ${own}`],
      ['Host: '],
      [`Host: ${'h'.repeat(9000)}`],
      [`Host: ${own.toUpperCase()}`],
      [`Host: ${XSS}`],
    ]);
  }

  private headerLines(): string[] {
    switch (this.int(10)) {
      case 0:
        return Array.from({ length: 50 + this.int(400) }, (_, i) => `X-Many-${i}: ${this.word(4)}`);
      case 1:
        return [`X-Huge: ${'v'.repeat(9_000 + this.int(12_000))}`];
      case 2:
        return [
          this.pick([
            'X-Bad: a\x01b',
            'Bad Header: x',
            'X-Ctl: \x7f',
            'X-\xff: y',
            ': empty-name',
            'NoColon',
            'X-Nul: a\0b',
            ' X-Leading-Space: y',
          ]),
        ];
      case 3:
        return [`Cookie: ${XSS}`, `Referer: ${XSS_ATTR}`, `User-Agent: ${XSS}`];
      case 4:
        return ['Transfer-Encoding: chunked', 'Content-Length: 3'];
      case 5:
        return ['Content-Length: 1', 'Content-Length: 2'];
      case 6:
        return ['Connection: keep-alive'];
      case 7:
        return ['Expect: 100-continue'];
      default:
        return Array.from(
          { length: this.int(4) },
          () => `X-${this.word(1 + this.int(10))}: ${this.word(this.int(40))}`,
        );
    }
  }

  /** One complete request (head and, for some, a body that matches its length). */
  private request(): { text: string; firstLine: string; connect: boolean } {
    const method = this.method();
    const firstLine = `${method} ${this.path()} ${this.version()}`;
    const lines = [firstLine, ...this.hostLines(), ...this.headerLines()];
    const eol = this.chance(0.03) ? '\n' : '\r\n';
    let body = '';
    if (!lines.some((line) => /^(content-length|transfer-encoding):/i.test(line)) && this.chance(0.15)) {
      body = this.word(this.int(64));
      lines.push(`Content-Length: ${body.length}`);
    }
    return { text: `${lines.join(eol)}${eol}${eol}${body}`, firstLine, connect: method === 'CONNECT' };
  }

  next(): FuzzCase {
    const roll = this.random();
    if (roll < 0.8) {
      const { text, firstLine, connect } = this.request();
      return {
        label: firstLine,
        chunks: [Buffer.from(text, 'latin1')],
        expect: 'answer',
        requests: 1,
        hasConnect: connect,
      };
    }
    if (roll < 0.9) {
      const requests = Array.from({ length: 2 + this.int(3) }, () => this.request());
      const text = requests.map((request) => request.text).join('');
      const label = `pipelined ${requests.length}: ${requests.map((request) => request.firstLine.slice(0, 40)).join(' | ')}`;
      const hasConnect = requests.some((request) => request.connect);
      return { label, chunks: [Buffer.from(text, 'latin1')], expect: 'answer', requests: requests.length, hasConnect };
    }
    if (roll < 0.95) {
      const { text, firstLine, connect } = this.request();
      const cut = this.int(text.length);
      const chunks = [Buffer.from(text.slice(0, cut), 'latin1')];
      return {
        label: `cut at ${cut}: ${firstLine}`,
        chunks,
        expect: 'any',
        requests: 1,
        closeAfterMs: this.int(20),
        hasConnect: connect,
      };
    }
    const garbage = `${this.bytes(1 + this.int(200))}\r\n\r\n`;
    return {
      label: 'garbage',
      chunks: [Buffer.from(garbage, 'latin1')],
      expect: 'any',
      requests: 1,
      hasConnect: false,
    };
  }
}

/** A request line or label, printable in a test failure. */
export const printable = (text: string): string =>
  JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…(${text.length})` : text);
