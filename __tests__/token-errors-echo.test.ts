import { describe, expect, it } from '@jest/globals';
import { describeHttpFailure, requestSecrets } from '../src/token/token-errors.js';

const REFRESH = 'AQBrefresh_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW';
const SECRET = 'c1ient-secret/with+odd=chars&more';
const CODE = 'AQCcode-0123456789abcdefghijklmnopqrstuvwxyz';
const VERIFIER = 'verifier-0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
const basic = Buffer.from(`my-client:${SECRET}`).toString('base64');

const refreshRequest = {
  headers: { authorization: `Basic ${basic}` },
  form: { grant_type: 'refresh_token', refresh_token: REFRESH },
};
const codeRequest = {
  headers: {},
  form: { grant_type: 'authorization_code', code: CODE, code_verifier: VERIFIER, client_id: 'my-client' },
};

const json = (body: unknown, status = 400) => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const everySecret = [REFRESH, SECRET, CODE, VERIFIER, basic];

function expectNoSecret(message: string) {
  for (const secret of everySecret) {
    expect(message).not.toContain(secret);
    // Not even the first 16 characters: a cut secret is still a leak.
    expect(message).not.toContain(secret.slice(0, 16));
    expect(message).not.toContain(encodeURIComponent(secret).slice(0, 16));
  }
}

describe('an error answer that echoes the request', () => {
  it('names the secrets a request carries, public fields apart', () => {
    expect(requestSecrets(refreshRequest)).toEqual(expect.arrayContaining([REFRESH, SECRET, basic]));
    expect(requestSecrets(codeRequest)).toEqual([CODE, VERIFIER]);
  });

  it('scrubs error_description, error and a plain-text body, in any encoding, before cutting', () => {
    const answers = [
      json({ error: 'invalid_grant', error_description: `Invalid refresh token: ${REFRESH}` }),
      json({ error: `invalid_client ${SECRET}`, error_description: `Bad basic ${basic}` }, 401),
      json({
        error: 'invalid_grant',
        error_description: `got ${encodeURIComponent(SECRET)} and ${REFRESH.slice(0, 64)}`,
      }),
      { status: 400, headers: {}, body: `refresh_token=${REFRESH}&client_secret=${encodeURIComponent(SECRET)}` },
      { status: 502, headers: {}, body: `<html><p>${SECRET.replace(/&/g, '&amp;')}</p> ${REFRESH}</html>` },
    ];
    for (const answer of answers) {
      const error = describeHttpFailure('token', answer, requestSecrets(refreshRequest));
      expectNoSecret(error.message);
      expectNoSecret(error.oauthError ?? '');
      expect(error.message).toContain('[redacted]');
    }
    const coded = describeHttpFailure(
      'token',
      json({ error: 'invalid_grant', error_description: `code ${CODE} verifier ${VERIFIER}` }),
      requestSecrets(codeRequest),
    );
    expectNoSecret(coded.message);
  });

  it('shows escape sequences in a description visibly, never raw', () => {
    const error = describeHttpFailure(
      'token',
      json({ error: 'invalid_grant\u001b]0;pwned\u0007', error_description: 'bad\u001b[2J\u009b31m\u202eevil' }),
    );
    expect(error.message).toBe(
      'The token endpoint answered HTTP 400: bad\\x1b[2J\\x9b31m\\u202eevil (invalid_grant\\x1b]0;pwned\\x07)',
    );
  });
});
