import { describe, expect, it } from '@jest/globals';
import { codeChallengeS256, createCodeVerifier, createState } from '../src/oauth/pkce.js';
import { buildAuthorizeUrl } from '../src/oauth/authorize-url.js';
import { parseCallback } from '../src/oauth/callback.js';
import { PytifyError } from '../src/core/errors.js';

describe('PKCE', () => {
  it('matches the RFC 7636 appendix B test vector', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
  it('makes verifiers of 43 unreserved characters from 32 random bytes', () => {
    const verifier = createCodeVerifier(() => Buffer.alloc(32, 0xff));
    expect(verifier).toHaveLength(43);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]+$/);
  });
  it('makes states of at least 128 bits', () => {
    let asked = 0;
    createState((size) => {
      asked = size;
      return Buffer.alloc(size);
    });
    expect(asked * 8).toBeGreaterThanOrEqual(128);
  });
});

describe('buildAuthorizeUrl', () => {
  const base = {
    authUrl: 'https://accounts.spotify.com/authorize',
    clientId: 'abc',
    redirectUri: 'http://127.0.0.1:3000/callback',
    scopes: ['user-read-private', 'user-modify-playback-state'],
    state: 'st',
  };
  it.each([
    ['secret flow', base, { code_challenge: null, code_challenge_method: null, show_dialog: null }],
    ['PKCE', { ...base, codeChallenge: 'ch' }, { code_challenge: 'ch', code_challenge_method: 'S256' }],
    ['show_dialog', { ...base, showDialog: true }, { show_dialog: 'true' }],
  ])('%s', (_name, request, extra) => {
    const url = new URL(buildAuthorizeUrl(request));
    expect(url.origin + url.pathname).toBe('https://accounts.spotify.com/authorize');
    const expected: Record<string, string | null> = {
      client_id: 'abc',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:3000/callback',
      scope: 'user-read-private user-modify-playback-state',
      state: 'st',
      ...extra,
    };
    for (const [key, value] of Object.entries(expected)) expect(url.searchParams.get(key)).toBe(value);
  });
});

describe('parseCallback', () => {
  const q = (s: string) => new URLSearchParams(s);
  it.each([['right state and a code', 'code=c1&state=s1', { code: 'c1' }]])('accepts %s', (_n, query, result) => {
    expect(parseCallback(q(query), 's1')).toEqual(result);
  });
  it.each([
    ['missing state', 'code=c1', 'STATE_MISMATCH'],
    ['empty state', 'code=c1&state=', 'STATE_MISMATCH'],
    ['wrong state', 'code=c1&state=s2', 'STATE_MISMATCH'],
    ['wrong state with an error', 'error=access_denied&state=s2', 'STATE_MISMATCH'],
    ['a refusal', 'error=access_denied&state=s1', 'ACCESS_DENIED'],
    ['another error', 'error=invalid_scope&state=s1', 'AUTHORIZE_ERROR'],
    ['no code', 'state=s1', 'CALLBACK_INVALID'],
  ])('rejects %s', (_n, query, code) => {
    let thrown: unknown;
    try {
      parseCallback(q(query), 's1');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PytifyError);
    expect((thrown as PytifyError).code).toBe(code);
  });
});
