import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { nonEmptyFlag, parsePort, parseTimeout } from './flags.js';
import { ENV } from './keys.js';
import { loadConfigFile, searchConfigFile, type FoundConfig } from './read-file.js';
import { clientIdPlace, missingClientIdHint, registerUriFor } from './guidance.js';
import { checkRedirectUri, withPort } from './redirect-uri.js';
import { DEFAULTS, type Config, type ConfigFlags, type ConfigWarning } from './types.js';
import { redactError, redactWarning, secretsIn } from './redact.js';
import { readSettings, suggestKey, type ReadSettings } from './validate.js';
import { displayPath, type Where } from './where.js';

export { parseRedirectUri, withPort } from './redirect-uri.js';

export interface LoadConfigOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: ConfigFlags;
  /**
   * The last directory searched upwards (inclusive). Default: the home directory when cwd is
   * inside it, else the filesystem root. Tests pass their temp directory.
   */
  stopDir?: string;
  /** Expands `~` in paths and sets the default stopDir. Default: os.homedir(). */
  homeDir?: string;
}

export interface LoadedConfig {
  config: Config;
  warnings: ConfigWarning[];
}

/** File < environment < flags, checked; throws ConfigError for anything the user must fix. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const secrets = secretsIn({ clientSecret: options.env[ENV.clientSecret] });
  try {
    const { config, warnings } = await load(options, secrets);
    return { config, warnings: warnings.map((warning) => redactWarning(warning, secrets)) };
  } catch (error) {
    throw redactError(error, secrets);
  }
}

async function load(options: LoadConfigOptions, secrets: string[]): Promise<LoadedConfig> {
  const { flags } = options;
  const cwd = path.resolve(options.cwd);
  const home = options.homeDir ?? os.homedir();
  const configFlag = nonEmptyFlag(flags.config, '--config');
  const tokenFileFlag = nonEmptyFlag(flags.tokenFile, '--token-file');

  const found = configFlag
    ? await loadConfigFile(path.resolve(cwd, expandHome(configFlag, home)), cwd)
    : await searchConfigFile(cwd, options.stopDir ?? defaultStopDir(cwd, home), cwd);
  secrets.push(...secretsIn(found?.data));
  // Flags are checked after the file is read, so a secret pasted into one is masked (redact.ts).
  const timeoutSeconds = parseTimeout(flags.timeout);
  const port = parsePort(flags.port);
  const label = found ? displayPath(found.file, cwd) : undefined;
  const file: ReadSettings =
    found && label ? readSettings(found.data, found.file, label) : { settings: {}, where: {}, warnings: [] };
  const { settings } = file;
  const warnings = [...file.warnings];
  const env = readEnv(options.env);

  const redirect: { value: string; where: Where } = env.redirectUri
    ? { value: env.redirectUri, where: { key: ENV.redirectUri } }
    : settings.redirectUri && file.where.redirectUri
      ? { value: settings.redirectUri, where: file.where.redirectUri }
      : { value: DEFAULTS.redirectUri, where: { key: 'redirectUri' } };
  const localhost = checkRedirectUri(redirect.value, redirect.where);
  if (localhost) warnings.push(localhost);
  const redirectUri = port === undefined ? redirect.value : withPort(redirect.value, port);

  const clientId = env.clientId ?? settings.clientId;
  if (!clientId) throw missingClientId(found, label, redirectUri, warnings);
  const clientSecret = env.clientSecret ?? settings.clientSecret;

  const config: Config = {
    clientId,
    ...(clientSecret ? { clientSecret } : {}),
    redirectUri,
    scopes: settings.scopes ?? [...DEFAULTS.scopes],
    tokenFile: resolveTokenFile(tokenFileFlag, settings.tokenFile, found, cwd, home),
    authUrl: settings.authUrl ?? DEFAULTS.authUrl,
    tokenUrl: settings.tokenUrl ?? DEFAULTS.tokenUrl,
    apiUrl: settings.apiUrl ?? DEFAULTS.apiUrl,
    timeoutSeconds,
    showDialog: flags.showDialog ?? false,
    openBrowser: !(flags.noBrowser ?? false),
    ...(found ? { configFile: found.file } : {}),
  };
  return { config, warnings };
}

function readEnv(env: NodeJS.ProcessEnv): { clientId?: string; clientSecret?: string; redirectUri?: string } {
  const read = (name: string): string | undefined => env[name]?.trim() || undefined;
  return { clientId: read(ENV.clientId), clientSecret: read(ENV.clientSecret), redirectUri: read(ENV.redirectUri) };
}

function defaultStopDir(cwd: string, home: string): string {
  const relative = path.relative(home, cwd);
  const insideHome = !relative.startsWith('..') && !path.isAbsolute(relative);
  return insideHome ? path.resolve(home) : path.parse(cwd).root;
}

function expandHome(file: string, home: string): string {
  return file === '~' || file.startsWith('~/') || file.startsWith(`~${path.sep}`)
    ? path.join(home, file.slice(1))
    : file;
}

/** A flag is typed in cwd; a file's path is written relative to the file. */
function resolveTokenFile(
  flag: string | undefined,
  fromFile: string | undefined,
  found: FoundConfig | undefined,
  cwd: string,
  home: string,
): string {
  if (flag) return path.resolve(cwd, expandHome(flag, home));
  if (fromFile && found) return path.resolve(path.dirname(found.file), expandHome(fromFile, home));
  return path.resolve(cwd, DEFAULTS.tokenFile);
}

function missingClientId(
  found: FoundConfig | undefined,
  label: string | undefined,
  redirectUri: string,
  warnings: ConfigWarning[],
): ConfigError {
  const misspelt = warnings.find((w) => w.code === 'UNKNOWN_KEY' && w.key && suggestKey(w.key) === 'clientId');
  const registerUri = registerUriFor(redirectUri);
  const lines = [
    'No Spotify client id is configured.',
    misspelt ? `${label} has "${misspelt.key}": did you mean "clientId"?` : undefined,
    ...missingClientIdHint(registerUri, clientIdPlace(label)),
  ];
  return new ConfigError('CONFIG_MISSING_CLIENT_ID', lines.filter(Boolean).join('\n'), {
    file: found?.file,
    key: 'clientId',
    registerUri,
  });
}
