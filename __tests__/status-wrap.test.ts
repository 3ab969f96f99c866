import { beforeAll, describe, expect, it } from '@jest/globals';
import { summarize } from '../src/token/lifetime.js';
import { formatStatusText, type StatusReport } from '../src/commands/status-report.js';
import { present } from '../src/core/present.js';
import { AUTHORIZATIONS, CLIENT_ID, NOW, SCOPES } from './helpers/saved-fixture.js';

// `pytify-auth status` on a terminal: what status.ts writes, wrapped to the terminal's width.
const scopes = [...SCOPES, 'playlist-read-private', 'user-library-read'];
const report: StatusReport = {
  state: 'ok',
  saved: summarize(AUTHORIZATIONS.expiring, { clientId: CLIENT_ID, scopes, now: NOW }),
  clientId: CLIENT_ID,
  flow: 'pkce',
  configuredScopes: scopes,
  account: { displayName: 'Ada Listener', id: 'ada-1815' },
  error: undefined,
  warnings: ['the token directory /home/ada/music/players/terminal is writable by others: run chmod go-w on it'],
  login: 'pytify-auth --config /home/ada/music/players/terminal/.spotifyrc',
};

describe('status on a 60-column terminal', () => {
  const text = formatStatusText(report);
  let lines: string[] = [];
  beforeAll(async () => {
    lines = (await present(text.split('\n'), { width: 60 })).split('\n');
  });

  it('no line is wider, and every word is still there', () => {
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines.join(' ').split(/\s+/).join(' ')).toBe(text.split(/\s+/).join(' '));
  });

  it('a wrapped row continues under its value (column 14), not at column 1', () => {
    const row = lines.findIndex((line) => line.startsWith('Works now '));
    expect(lines[row + 1]).toMatch(/^ {13}ada-1815$/);
    // Only the rows' continuations are indented; the paragraphs below start at column 1 as before.
    for (const line of lines.filter((line) => line.startsWith(' '))) expect(line).toMatch(/^ {13}\S/);
  });

  it('without a terminal, the text is exactly as before', async () => {
    expect(await present(text.split('\n'), {})).toBe(text);
  });
});
