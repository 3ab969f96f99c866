/**
 * The library's option and result types, free of Node's types and of internal modules, so that
 * dist/index.d.ts type-checks in a player's project as it is.
 */
export interface GetAccessTokenOptions {
  /** A config file to use instead of searching for .spotifyrc (like `--config`). */
  configFile?: string;
  /** The token file (like `--token-file`); default: the config's `tokenFile`, else `.pytify`. */
  tokenFile?: string;
  /** Where the config search starts and relative paths are resolved. Default: process.cwd(). */
  cwd?: string;
  /** Default: process.env (SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET…). */
  env?: Record<string, string | undefined>;
  /** Reuse the cached access token while it has more than this left. Default: 60. */
  minValiditySeconds?: number;
}

export interface AccessToken {
  accessToken: string;
  /** Always "Bearer" with Spotify. */
  tokenType: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Granted scopes, space-separated, as Spotify writes them. */
  scope: string;
  /** Configured scopes the authorization lacks: the user must authorize again to get them. */
  missingScopes: string[];
  /** Worth telling the user, but did not stop us (a corrupt record replaced, config warnings). */
  warnings: string[];
}
