import { describe, expect, it } from '@jest/globals';
import { AccessTokenError } from '../src/token/errors.js';
import { summarize } from '../src/token/lifetime.js';
import {
  formatStatusText,
  stateFor,
  statusExitCode,
  statusJson,
  type StatusReport,
} from '../src/commands/status-report.js';
import { AUTHORIZATIONS, CLIENT_ID, NOW, REFRESH_TOKEN, SCOPES } from './helpers/saved-fixture.js';

const expectations = { clientId: CLIENT_ID, scopes: SCOPES, now: NOW };
const ACCOUNT = { displayName: 'Ada Listener', id: 'ada-1815' };

function report(
  name: keyof typeof AUTHORIZATIONS,
  error?: AccessTokenError,
  extra: Partial<StatusReport> = {},
): StatusReport {
  const state = stateFor(error);
  return {
    state,
    saved: summarize(AUTHORIZATIONS[name], expectations),
    clientId: CLIENT_ID,
    flow: 'pkce',
    configuredScopes: SCOPES,
    account: state === 'ok' ? ACCOUNT : undefined,
    error,
    warnings: [],
    login: 'pytify-auth',
    ...extra,
  };
}

const REPORTS: Record<string, StatusReport> = {
  works: report('existing'),
  'works, expiring, a scope missing': report('expiring', undefined, {
    configuredScopes: [...SCOPES, 'playlist-read-private'],
    saved: summarize(AUTHORIZATIONS.expiring, { ...expectations, scopes: [...SCOPES, 'playlist-read-private'] }),
  }),
  'works, record rebuilt just now': report('rebuilt record (consent time unknown)', undefined, {
    warnings: ['the record /home/ada/.pytify.json could not be read (not valid JSON); it was replaced'],
  }),
  'expired or revoked': report(
    'expired',
    new AccessTokenError(
      'REAUTHORIZE_REQUIRED',
      'INVALID_GRANT',
      'authorization expired or revoked — run pytify-auth again (Spotify: Refresh token revoked (invalid_grant))',
    ),
    { login: 'pytify-auth --token-file ~/.config/pytify/token' },
  ),
  'temporary failure': report(
    'existing',
    new AccessTokenError('TEMPORARY_FAILURE', 'SERVER_ERROR', 'The token endpoint answered HTTP 503; try again later', {
      status: 503,
    }),
  ),
  'configuration problem': report(
    'existing',
    new AccessTokenError(
      'CONFIG_ERROR',
      'INVALID_CLIENT',
      "Spotify rejected the app's credentials: Invalid client (invalid_client); check clientId (and clientSecret) in your configuration",
    ),
  ),
  'not authorized': report(
    'nothing saved',
    new AccessTokenError(
      'REAUTHORIZE_REQUIRED',
      'NO_TOKEN',
      'not authorized: no refresh token in /home/ada/.pytify — run pytify-auth to authorize',
    ),
  ),
};

describe('pytify-auth status output', () => {
  it.each(Object.keys(REPORTS))('text: %s', (name) => {
    expect(formatStatusText(REPORTS[name]!)).toMatchSnapshot();
  });

  it.each(Object.keys(REPORTS))('JSON: %s', (name) => {
    const json = JSON.stringify(statusJson(REPORTS[name]!), null, 2);
    expect(json).not.toContain(REFRESH_TOKEN);
    expect(json).not.toContain('BQ-fixture-access-token');
    expect(json).toMatchSnapshot();
  });

  it('exits 0 when it works, 1 to authorize again, 2 when it could not tell', () => {
    const codes = Object.fromEntries(
      Object.entries(REPORTS).map(([name, value]) => [name, statusExitCode(value.state)]),
    );
    expect(codes).toEqual({
      works: 0,
      'works, expiring, a scope missing': 0,
      'works, record rebuilt just now': 0,
      'expired or revoked': 1,
      'temporary failure': 2,
      'configuration problem': 2,
      'not authorized': 1,
    });
  });
});
