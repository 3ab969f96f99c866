/** The keys a config file may hold, in the names the rest of the program uses. */
export const CONFIG_KEYS = [
  'clientId',
  'clientSecret',
  'redirectUri',
  'scopes',
  'tokenFile',
  'authUrl',
  'tokenUrl',
  'apiUrl',
] as const;

export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** snake_case names from the original Python tool's config (and two obvious ones). */
export const KEY_ALIASES: Readonly<Record<string, ConfigKey>> = {
  client_id: 'clientId',
  client_secret: 'clientSecret',
  auth_url: 'authUrl',
  access_token_url: 'tokenUrl',
  api_url: 'apiUrl',
  redirect_uri: 'redirectUri',
  token_file: 'tokenFile',
};

export function canonicalKey(key: string): ConfigKey | undefined {
  if ((CONFIG_KEYS as readonly string[]).includes(key)) return key as ConfigKey;
  return Object.hasOwn(KEY_ALIASES, key) ? KEY_ALIASES[key] : undefined;
}

export const ENV = {
  clientId: 'SPOTIFY_CLIENT_ID',
  clientSecret: 'SPOTIFY_CLIENT_SECRET',
  redirectUri: 'SPOTIFY_REDIRECT_URI',
} as const;
