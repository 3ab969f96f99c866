import { describe, expect, it } from '@jest/globals';
import { describeSavedAuthorization } from '../src/token/authorization.js';
import { addMonths, summarize } from '../src/token/lifetime.js';
import { AUTHORIZATIONS, CLIENT_ID, NOW, SCOPES, recordOf, savedWith } from './helpers/saved-fixture.js';

const expectations = { clientId: CLIENT_ID, scopes: SCOPES, now: NOW };
/** How the lead's view will show them: one line each, the tone in front. */
const render = (name: keyof typeof AUTHORIZATIONS) =>
  describeSavedAuthorization(summarize(AUTHORIZATIONS[name], expectations))
    .map((line) => `[${line.tone}] ${line.text}`)
    .join('\n');

describe('launch screen: the saved authorization', () => {
  it.each(Object.keys(AUTHORIZATIONS) as Array<keyof typeof AUTHORIZATIONS>)('%s', (name) => {
    expect(render(name)).toMatchSnapshot();
  });

  it('says nothing when nothing is saved, and warns only under 14 days', () => {
    expect(render('nothing saved')).toBe('');
    expect(summarize(AUTHORIZATIONS.existing, expectations)).toMatchObject({
      expiringSoon: false,
      expired: false,
      daysLeft: 177,
    });
    expect(summarize(AUTHORIZATIONS.expiring, expectations)).toMatchObject({
      expiringSoon: true,
      expired: false,
      daysLeft: 8,
    });
    expect(summarize(AUTHORIZATIONS.expired, expectations)).toMatchObject({
      expiringSoon: false,
      expired: true,
      daysLeft: 0,
    });
  });

  it('needs configured scopes to be a subset of the granted ones', () => {
    const granted = savedWith(
      recordOf(NOW, { scopes: ['user-read-private', 'user-modify-playback-state', 'streaming'] }),
    );
    expect(summarize(granted, expectations).missingScopes).toEqual([]);
    expect(
      summarize(granted, { ...expectations, scopes: ['streaming', 'playlist-read-private'] }).missingScopes,
    ).toEqual(['playlist-read-private']);
  });

  it('bounds the expiry by the token file when the consent time is unknown', () => {
    const info = summarize(AUTHORIZATIONS['from the original tool (no record)'], expectations);
    expect(info).toMatchObject({
      expiresAtIsUpperBound: true,
      authorizedAt: undefined,
      authorizedBy: Date.UTC(2026, 5, 1, 9, 30),
    });
    expect(new Date(info.expiresAt!).toISOString()).toBe('2026-12-01T09:30:00.000Z');
  });
});

describe('six months, in calendar months', () => {
  it.each([
    ['2026-01-15T12:00:00.000Z', '2026-07-15T12:00:00.000Z'],
    ['2026-08-31T00:00:00.000Z', '2027-02-28T00:00:00.000Z'],
    ['2027-08-31T00:00:00.000Z', '2028-02-29T00:00:00.000Z'],
    ['2026-12-31T23:59:59.000Z', '2027-06-30T23:59:59.000Z'],
  ])('%s + 6 months = %s', (from, to) => {
    expect(new Date(addMonths(Date.parse(from), 6)).toISOString()).toBe(to);
  });
});
