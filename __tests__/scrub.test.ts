import { describe, expect, it } from '@jest/globals';
import { basicCredentialSecrets, createScrubber, scrub } from '../src/core/scrub.js';
import { escapeHtml } from '../src/core/html-page.js';

// Characters that every encoding changes: a scrubber that only knows the raw value misses them.
const SECRET = 'sEcR3t&<b>"q\'/+= ü%x';
const REFRESH = 'AQDrefresh-token_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO';

describe('scrub', () => {
  it('replaces a secret in every form a server may echo it in', () => {
    const forms = [
      SECRET,
      encodeURIComponent(SECRET),
      encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
      new URLSearchParams({ s: SECRET }).toString().slice(2),
      JSON.stringify(SECRET).slice(1, -1),
      JSON.stringify(SECRET).slice(1, -1).replace(/\//g, '\\/'),
      JSON.stringify(SECRET).slice(1, -1).replace('ü', '\\u00fc'),
      escapeHtml(SECRET),
      Buffer.from(SECRET).toString('base64'),
    ];
    for (const form of forms) {
      const text = scrub(`before ${form} after`, [SECRET]);
      expect(text).toBe('before [redacted] after');
    }
  });

  it('replaces the base64 of id:secret that a Basic header carries', () => {
    const basic = Buffer.from(`my-client-id:${SECRET}`).toString('base64');
    const text = scrub(`you sent Authorization: Basic ${basic}`, basicCredentialSecrets('my-client-id', SECRET));
    expect(text).toBe('you sent Authorization: Basic [redacted]');
  });

  it('replaces a piece of a long secret that the server cut', () => {
    const cut = REFRESH.slice(0, 64);
    expect(scrub(`Invalid refresh token: ${cut}…`, [REFRESH])).toBe('Invalid refresh token: [redacted]…');
    expect(scrub(`tail ${REFRESH.slice(40)} end`, [REFRESH])).toBe('tail [redacted] end');
    // Twelve characters of a random token are a leak; eleven are only a coincidence.
    expect(scrub(`x${REFRESH.slice(3, 15)}x`, [REFRESH])).toBe('x[redacted]x');
    expect(scrub(`x${REFRESH.slice(3, 14)}x`, [REFRESH])).toBe(`x${REFRESH.slice(3, 14)}x`);
  });

  it('leaves other text, short values and an empty list alone', () => {
    expect(scrub('invalid_grant: Invalid refresh token', [REFRESH, 'abc', undefined, ''])).toBe(
      'invalid_grant: Invalid refresh token',
    );
    expect(createScrubber([])('anything')).toBe('anything');
  });

  it('scrubs a long body quickly', () => {
    const body = `${'lorem ipsum '.repeat(90_000)}${REFRESH}`;
    const started = performance.now();
    const text = scrub(body, [
      REFRESH,
      SECRET,
      'verifier-0123456789abcdefghijklmnopqrstuvwxyz',
      'code-ABCDEFGHIJKLMNOP',
    ]);
    expect(text.endsWith('[redacted]')).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
