import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFakeSpotify, type FakeSpotify } from '../src/demo/fake-spotify.js';
import { readSettings } from '../src/config/validate.js';
import { formatStatusText, statusJson } from '../src/commands/status-report.js';
import { describeSavedAuthorization, readAuthorization } from '../src/token/authorization.js';
import { toAccessToken } from '../src/token/cached-access-token.js';
import { summarize } from '../src/token/lifetime.js';
import { obtainAccessToken } from '../src/token/refresh.js';
import type { Config } from '../src/config/types.js';
import { CLIENT_ID, NOW, SCOPES, recordOf, savedWith } from './helpers/saved-fixture.js';
import { PKCE_APP, depsFor, USER } from './helpers/token-fixture.js';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { tempDir } from './helpers/token-fixture.js';

// Spotify's granted scope has come as "" and (reported) not at all: that says nothing about the
// grant, so nothing may be reported missing because of it.
const expectations = { clientId: CLIENT_ID, scopes: SCOPES, now: NOW };

describe('a granted scope that is empty means unknown', () => {
  const saved = savedWith(recordOf(Date.UTC(2026, 6, 25), { scopes: [] }));

  it('the launch screen warns of no missing scopes', () => {
    const info = summarize(saved, expectations);
    expect(info).toMatchObject({ grantedScopes: undefined, missingScopes: [] });
    expect(describeSavedAuthorization(info).map((line) => line.text)).not.toContainEqual(
      expect.stringContaining('Not granted'),
    );
  });

  it('status says unknown, never "(none)", and lists nothing missing', () => {
    const report = {
      state: 'ok' as const,
      saved: summarize(saved, expectations),
      clientId: CLIENT_ID,
      flow: 'pkce' as const,
      configuredScopes: SCOPES,
      account: USER,
      warnings: [],
      login: 'pytify-auth',
    };
    const text = formatStatusText(report);
    expect(text).toMatch(/Scopes\s+unknown \(Spotify's answer did not list them\)/);
    expect(text).not.toContain('(none)');
    expect(text).not.toContain('not granted');
    expect(statusJson(report)).toMatchObject({ scope: null, missing_scopes: [] });
  });

  it('token reports no missing scopes', () => {
    const config = { scopes: SCOPES } as Config;
    const obtained = { accessToken: 'a', tokenType: 'Bearer', expiresAt: NOW, scopes: [], warnings: [] };
    const token = toAccessToken({ config, warnings: [] } as never, obtained as never);
    expect(token.missingScopes).toEqual([]);
  });
});

describe('against the local Spotify: a refresh answered with scope ""', () => {
  let spotify: FakeSpotify;
  beforeAll(async () => {
    spotify = await startFakeSpotify({ clients: [PKCE_APP], user: USER });
  });
  afterAll(() => spotify.close());

  it('leaves them unknown, with nothing missing', async () => {
    const dir = await tempDir();
    const tokenFile = join(dir, '.pytify');
    await writeFile(tokenFile, spotify.issueRefreshToken(PKCE_APP.clientId, []), { mode: 0o600 });
    const { deps } = depsFor(spotify, 'pkce', tokenFile);
    const obtained = await obtainAccessToken(deps);
    expect(obtained.scopes).toEqual([]);
    const info = await readAuthorization(tokenFile, { clientId: PKCE_APP.clientId, scopes: SCOPES, now: Date.now() });
    expect(info).toMatchObject({ tokenSaved: true, grantedScopes: undefined, missingScopes: [] });
  });
});

describe('an empty configured scopes list', () => {
  it.each([[[]], ['']])('is a warning: the player could not control playback (%j)', (scopes) => {
    const { settings, warnings } = readSettings({ clientId: 'abc', scopes }, '/p/.spotifyrc', '.spotifyrc');
    expect(settings.scopes).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'EMPTY_SCOPES', key: 'scopes' })]);
    expect(warnings[0]!.message).toContain('could not control playback');
  });

  it('is no warning when it lists scopes', () => {
    expect(readSettings({ scopes: ['streaming'] }, '/p/.spotifyrc', '.spotifyrc').warnings).toEqual([]);
  });
});
