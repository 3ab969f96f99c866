import { createHash } from 'node:crypto';
import { lstat, readText } from '../core/file-reads.js';
import { writeFileAtomic } from '../core/private-file.js';
import type { Account } from './account.js';

/**
 * What we know about the saved authorization, kept next to the token file (which must stay exactly
 * the refresh token, for players written against the original tool). It is a cache: anything in it
 * can be rebuilt by a refresh, except `authorizedAt`, which is then bounded by `knownSince`.
 */
export interface TokenRecord {
  clientId: string;
  /** Epoch ms of the user's consent; undefined when the record was rebuilt without knowing it. */
  authorizedAt?: number;
  /** Epoch ms at which this authorization certainly existed: the consent happened at or before it. */
  knownSince: number;
  scopes: string[];
  account?: Account;
  accessToken?: string;
  tokenType?: string;
  accessTokenExpiresAt?: number;
  /** Which refresh token this record describes: a token file changed by another tool is noticed. */
  refreshTokenSha256: string;
}

export const recordPathFor = (tokenFile: string): string => `${tokenFile}.json`;

/**
 * A short hash: enough to tell tokens apart, useless for recovering one. The first 32 hex digits of
 * the SHA-256 of the token's UTF-8 bytes: records on disk hold this value, so it must not change.
 */
export const fingerprint = (refreshToken: string): string =>
  createHash('sha256').update(refreshToken, 'utf8').digest('hex').slice(0, 32);

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** On disk in Spotify's vocabulary (snake_case, space-separated scope), so a player can read it too. */
export function serializeRecord(record: TokenRecord): string {
  const data = {
    version: 1,
    client_id: record.clientId,
    authorized_at: iso(record.authorizedAt),
    known_since: iso(record.knownSince),
    scope: record.scopes.join(' '),
    account: record.account ? { display_name: record.account.displayName, id: record.account.id } : null,
    access_token: record.accessToken ?? null,
    token_type: record.tokenType ?? null,
    expires_at: iso(record.accessTokenExpiresAt),
    refresh_token_sha256: record.refreshTokenSha256,
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

class Unreadable extends Error {}

function time(value: unknown, field: string, optional: boolean): number | undefined {
  if (value === null || value === undefined) {
    if (optional) return undefined;
    throw new Unreadable(`"${field}" is missing`);
  }
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new Unreadable(`"${field}" is not a date`);
  return ms;
}

function text(value: unknown, field: string, optional: boolean): string | undefined {
  if ((value === null || value === undefined) && optional) return undefined;
  if (typeof value !== 'string' || value === '') throw new Unreadable(`"${field}" is not a string`);
  return value;
}

/** Strict: a record that is wrong in any field is not half-trusted but rebuilt. */
export function parseRecord(content: string): TokenRecord {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(content) as Record<string, unknown>;
  } catch {
    throw new Unreadable('not valid JSON');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Unreadable('not a JSON object');
  if (data.version !== 1) throw new Unreadable(`unknown version ${JSON.stringify(data.version) ?? 'none'}`);
  const account = data.account as Record<string, unknown> | null | undefined;
  if (account !== null && account !== undefined && typeof account !== 'object')
    throw new Unreadable('"account" is not an object');
  const scope = text(data.scope, 'scope', true) ?? '';
  return {
    clientId: text(data.client_id, 'client_id', false)!,
    authorizedAt: time(data.authorized_at, 'authorized_at', true),
    knownSince: time(data.known_since, 'known_since', false)!,
    scopes: scope.split(' ').filter(Boolean),
    account: account
      ? {
          displayName: text(account.display_name, 'account.display_name', false)!,
          id: text(account.id, 'account.id', false)!,
        }
      : undefined,
    accessToken: text(data.access_token, 'access_token', true),
    tokenType: text(data.token_type, 'token_type', true),
    accessTokenExpiresAt: time(data.expires_at, 'expires_at', true),
    refreshTokenSha256: text(data.refresh_token_sha256, 'refresh_token_sha256', false)!,
  };
}

export type RecordRead = { record?: TokenRecord; problem?: string };

/** Never throws: a missing record is normal, a broken one is a problem to report and replace. */
export async function readRecord(path: string): Promise<RecordRead> {
  try {
    if ((await lstat(path)).isSymbolicLink())
      return { problem: `the record ${path} is a symbolic link and was ignored` };
    return { record: parseRecord(await readText(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    const why = error instanceof Unreadable ? error.message : (code ?? 'unreadable');
    return { problem: `the record ${path} could not be read (${why})` };
  }
}

export const writeRecord = (path: string, record: TokenRecord): Promise<void> =>
  writeFileAtomic(path, serializeRecord(record));
