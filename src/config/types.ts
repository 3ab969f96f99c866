/** The effective configuration after file, environment and flags have been merged and checked. */
export interface Config {
  clientId: string;
  /** Absent: the flow uses PKCE and no secret is stored anywhere. */
  clientSecret?: string;
  /** As the user wrote it (normalised by URL); the port may be absent or 0 = pick a free one. */
  redirectUri: string;
  scopes: string[];
  /** Absolute path of the file that holds exactly the refresh token. */
  tokenFile: string;
  authUrl: string;
  tokenUrl: string;
  apiUrl: string;
  timeoutSeconds: number;
  showDialog: boolean;
  openBrowser: boolean;
  /** The config file that was used, if any. */
  configFile?: string;
}

export interface ConfigWarning {
  code:
    'UNKNOWN_KEY' | 'LOCALHOST_REDIRECT' | 'TOKEN_DIR_WRITABLE' | 'HTTP_UPGRADED' | 'BOOK_AUTH_METHOD' | 'EMPTY_SCOPES';
  message: string;
  file?: string;
  key?: string;
}

/** Command-line flags that take part in configuration. */
export interface ConfigFlags {
  config?: string;
  tokenFile?: string;
  timeout?: string;
  showDialog?: boolean;
  noBrowser?: boolean;
  port?: string;
}

export const DEFAULTS = {
  redirectUri: 'http://127.0.0.1:3000/callback',
  scopes: ['user-read-private', 'user-modify-playback-state'],
  tokenFile: '.pytify',
  authUrl: 'https://accounts.spotify.com/authorize',
  tokenUrl: 'https://accounts.spotify.com/api/token',
  apiUrl: 'https://api.spotify.com/v1',
  timeoutSeconds: 300,
} as const;
