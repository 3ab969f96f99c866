import { describe, expect, it } from '@jest/globals';
import { fingerprint, parseRecord } from '../src/token/record.js';

// Records already on disk hold these values: a change here would make every saved record look
// like it describes another token, and each would be rebuilt by a refresh.
describe('the record fingerprint of a refresh token', () => {
  it.each([
    ['AQ-fixture-refresh-token', 'f391f70faa742d0094ba2da27c44cc8b'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb924'],
    ['AQC…é中😀', '77b81b469aaacd19eaab474e837512a4'],
  ])('%j is %s', (token, expected) => {
    expect(fingerprint(token)).toBe(expected);
  });

  it('matches a record written before the hash came from node:crypto', () => {
    const written = {
      version: 1,
      client_id: '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0',
      authorized_at: '2026-08-01T12:00:00.000Z',
      known_since: '2026-08-01T12:00:00.000Z',
      scope: 'user-read-private',
      account: null,
      access_token: null,
      token_type: null,
      expires_at: null,
      refresh_token_sha256: 'f391f70faa742d0094ba2da27c44cc8b',
    };
    expect(parseRecord(JSON.stringify(written)).refreshTokenSha256).toBe(fingerprint('AQ-fixture-refresh-token'));
  });
});
