import { describe, expect, it } from '@jest/globals';
import { readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, PytifyError, TokenError } from '../src/core/errors.js';
import { readAuthorization, saveAuthorization } from '../src/token/authorization.js';
import { toAccessTokenError } from '../src/token/errors.js';
import { fingerprint, parseRecord, readRecord, serializeRecord } from '../src/token/record.js';
import { NOW, recordOf } from './helpers/saved-fixture.js';
import { tempDir } from './helpers/token-fixture.js';

describe('the record file', () => {
  it('round-trips, in snake_case with a space-separated scope like Spotify', () => {
    const record = recordOf(NOW);
    const text = serializeRecord(record);
    expect(JSON.parse(text)).toMatchObject({
      version: 1,
      client_id: record.clientId,
      authorized_at: '2026-08-01T12:00:00.000Z',
      scope: 'user-read-private user-modify-playback-state',
      account: { display_name: 'Ada Listener', id: 'ada-1815' },
      refresh_token_sha256: fingerprint('AQ-fixture-refresh-token'),
    });
    expect(parseRecord(text)).toEqual(record);
    expect(
      parseRecord(serializeRecord(recordOf(undefined, { account: undefined, accessToken: undefined }))),
    ).toMatchObject({
      authorizedAt: undefined,
      account: undefined,
    });
  });

  it.each([
    ['{', 'not valid JSON'],
    ['[]', 'not a JSON object'],
    ['{}', 'unknown version none'],
    ['{"version": 2}', 'unknown version 2'],
    [
      JSON.stringify({ ...JSON.parse(serializeRecord(recordOf(NOW))), known_since: 'yesterday' }),
      '"known_since" is not a date',
    ],
    [
      JSON.stringify({ ...JSON.parse(serializeRecord(recordOf(NOW))), account: { id: 'x' } }),
      '"account.display_name" is not a string',
    ],
  ])('rejects %s: %s', async (content, why) => {
    const path = join(await tempDir(), '.pytify.json');
    await writeFile(path, content);
    expect(await readRecord(path)).toEqual({ problem: `the record ${path} could not be read (${why})` });
  });

  it('is missing without a problem, and ignores a symbolic link', async () => {
    const dir = await tempDir();
    expect(await readRecord(join(dir, 'none.json'))).toEqual({});
    await writeFile(join(dir, 'elsewhere'), serializeRecord(recordOf(NOW)));
    await symlink(join(dir, 'elsewhere'), join(dir, '.pytify.json'));
    expect((await readRecord(join(dir, '.pytify.json'))).problem).toContain('symbolic link');
  });
});

describe('saveAuthorization / readAuthorization (for the login flow and the launch screen)', () => {
  const grant = {
    accessToken: 'BQ-new',
    tokenType: 'Bearer',
    scopes: ['user-read-private'],
    expiresInSeconds: 3600,
    refreshToken: 'AQ-new',
  };
  const account = { displayName: 'Ada Listener', id: 'ada-1815' };

  it('writes exactly the token (0600), then the record; reading them back gives the launch-screen facts', async () => {
    const tokenFile = join(await tempDir(), '.pytify');
    expect(
      await saveAuthorization(tokenFile, { refreshToken: 'AQ-new', grant, account, clientId: 'app', now: NOW }),
    ).toEqual({ warnings: [] });
    expect(await readFile(tokenFile, 'utf8')).toBe('AQ-new');
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    expect((await stat(`${tokenFile}.json`)).mode & 0o777).toBe(0o600);
    const info = await readAuthorization(tokenFile, {
      clientId: 'app',
      scopes: ['user-read-private', 'streaming'],
      now: NOW + 86_400_000,
    });
    expect(info).toMatchObject({
      tokenSaved: true,
      account,
      authorizedAt: NOW,
      expiresAt: Date.UTC(2027, 1, 1, 12),
      daysLeft: 183,
      expiringSoon: false,
      expired: false,
      missingScopes: ['streaming'],
      otherClient: false,
    });
    expect(info.recordProblem).toBeUndefined();
  });

  it('keeps the token when the record cannot be written, and says so', async () => {
    const dir = await tempDir();
    const tokenFile = join(dir, '.pytify');
    await symlink(join(dir, 'target'), `${tokenFile}.json`);
    const result = await saveAuthorization(tokenFile, {
      refreshToken: 'AQ-new',
      grant,
      account,
      clientId: 'app',
      now: NOW,
    });
    expect(result.warnings).toHaveLength(1);
    expect(await readFile(tokenFile, 'utf8')).toBe('AQ-new');
  });

  it('never throws on reading: an unusable token file is reported', async () => {
    const dir = await tempDir();
    await symlink(join(dir, 'target'), join(dir, '.pytify'));
    const info = await readAuthorization(join(dir, '.pytify'), { clientId: 'app', scopes: [], now: NOW });
    expect(info).toMatchObject({ tokenSaved: false, tokenProblem: expect.stringContaining('symbolic link') });
    expect(await readAuthorization(join(dir, 'none'), { clientId: 'app', scopes: [], now: NOW })).toMatchObject({
      tokenSaved: false,
    });
  });
});

describe('error codes for the library', () => {
  it.each([
    [
      new TokenError('INVALID_GRANT', 'Spotify did not accept the grant: Invalid refresh token (invalid_grant)', {
        status: 400,
      }),
      'REAUTHORIZE_REQUIRED',
      'INVALID_GRANT',
    ],
    [
      new TokenError('NETWORK_ERROR', 'Could not reach accounts.spotify.com (ECONNRESET)'),
      'TEMPORARY_FAILURE',
      'NETWORK_ERROR',
    ],
    [
      new TokenError('RATE_LIMITED', 'rate limited', { status: 429, retryAfterSeconds: 30 }),
      'TEMPORARY_FAILURE',
      'RATE_LIMITED',
    ],
    [new TokenError('TOKEN_ENDPOINT_ERROR', 'HTTP 503', { status: 503 }), 'TEMPORARY_FAILURE', 'SERVER_ERROR'],
    [new TokenError('PROFILE_ERROR', 'HTTP 502', { status: 502 }), 'TEMPORARY_FAILURE', 'SERVER_ERROR'],
    [
      new TokenError('TOKEN_ENDPOINT_ERROR', 'HTTP 400: bad (invalid_request)', { status: 400 }),
      'CONFIG_ERROR',
      'TOKEN_ENDPOINT_ERROR',
    ],
    [new TokenError('INVALID_CLIENT', 'Invalid client', { status: 400 }), 'CONFIG_ERROR', 'INVALID_CLIENT'],
    [
      new TokenError('PROFILE_ERROR', 'User not registered in the Developer Dashboard', { status: 403 }),
      'CONFIG_ERROR',
      'ACCOUNT_NOT_ALLOWED',
    ],
    [
      new TokenError('PROFILE_ERROR', 'Invalid access token', { status: 401 }),
      'REAUTHORIZE_REQUIRED',
      'TOKEN_REJECTED',
    ],
    [new ConfigError('CONFIG_MISSING_CLIENT_ID', 'No client id'), 'CONFIG_ERROR', 'CONFIG_MISSING_CLIENT_ID'],
    [new PytifyError('TOKEN_STORE_ERROR', 'Could not save'), 'CONFIG_ERROR', 'TOKEN_STORE_ERROR'],
  ])('%s → %s / %s', (error, code, reason) => {
    expect(toAccessTokenError(error)).toMatchObject({ code, reason });
  });

  it('lets a bug through as it is', () => {
    const bug = new TypeError('undefined is not a function');
    expect(() => toAccessTokenError(bug)).toThrow(bug);
  });
});
