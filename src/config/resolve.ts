import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nonEmptyFlag, parsePort, parseTimeout } from './flags.js';
import { ENV, type ConfigKey } from './keys.js';
import { ConfigError } from '../core/errors.js';
import { loadConfigFile, type FoundConfig } from './read-file.js';
import { checkRedirectUri, withPort } from './redirect-uri.js';
import { masking, redactWarning, secretsIn } from './redact.js';
import { bookFolder, defaultStopDir, expandHome, searchConfig, type SearchedDir } from './search.js';
import { tokenDirProblem } from './token-dir.js';
import { currentTrust, type TrustContext } from './trust.js';
import { DEFAULTS, type Config, type ConfigFlags, type ConfigWarning } from './types.js';
import { readSettings, type ReadSettings } from './validate.js';
import { displayPath } from './where.js';

/** Where one effective value came from: file < environment < flags, else the default. */
export interface Origin {
  readonly source: 'file' | 'env' | 'flag' | 'default';
  /** The key as written in the file, the environment variable, or the flag. */
  readonly name?: string;
}

/** The effective values; the client id may still be missing (doctor and the setup go on without). */
export type Values = Omit<Config, 'clientId' | 'configFile'> & { clientId?: string };

export interface ResolvedConfig {
  readonly cwd: string;
  /** The home directory: config files inside it are checked up to it, others up to /. */
  readonly home: string;
  /** Set when --config named the file; then nothing was searched. */
  readonly configFlag?: string;
  readonly stopDir: string;
  readonly searched: SearchedDir[];
  readonly found?: FoundConfig;
  readonly fileLabel?: string;
  /** What the file itself holds, checked, with where each key was written. */
  readonly file: ReadSettings;
  readonly values: Values;
  readonly origins: Record<keyof Values, Origin>;
  readonly warnings: ConfigWarning[];
}

export interface ResolveOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: ConfigFlags;
  /** The last directory searched upwards; default: home when cwd is inside it, else the root. */
  stopDir?: string;
  /** Expands `~` in paths and sets the default stopDir. Default: os.homedir(). */
  homeDir?: string;
  /** `init --config new.json`: a file that does not exist yet is one to create, not an error. */
  allowMissingConfigFile?: boolean;
}

export { masking };

/** The one merge of file, environment and flags, with where each value came from; checked. */
export function resolveConfig(options: ResolveOptions): Promise<ResolvedConfig> {
  return masking(options.env, (secrets) => resolveWith(options, secrets));
}

type Chosen<T> = { value: T; origin: Origin };
type Candidate<T> = Chosen<T> | undefined;
const candidate = <T>(value: T | undefined, origin: Origin): Candidate<T> =>
  value === undefined ? undefined : { value, origin };
/** The first candidate given, in order of precedence; the last one always is. */
const first = <T>(...candidates: [...Array<Candidate<T>>, Chosen<T>]): Chosen<T> =>
  candidates.find((c) => c !== undefined) as Chosen<T>;
const byDefault = <T>(value: T): Chosen<T> => ({ value, origin: { source: 'default' } });

export async function resolveWith(options: ResolveOptions, secrets: string[]): Promise<ResolvedConfig> {
  const { flags } = options;
  const cwd = path.resolve(options.cwd);
  const home = options.homeDir ?? os.homedir();
  const stopDir = path.resolve(options.stopDir ?? defaultStopDir(cwd, home));
  const flagPath = nonEmptyFlag(flags.config, '--config');
  const configFlag = flagPath ? path.resolve(cwd, expandHome(flagPath, home)) : undefined;
  const trust = currentTrust(home);
  const { found, searched } = configFlag
    ? { found: await named(configFlag, cwd, options.allowMissingConfigFile ?? false, trust), searched: [] }
    : await searchConfig(cwd, stopDir, cwd, trust);
  secrets.push(...secretsIn(found?.data));
  const tokenFileFlag = nonEmptyFlag(flags.tokenFile, '--token-file');
  // Flags are checked after the file is read, so a secret pasted into one is masked (redact.ts).
  const timeoutSeconds = parseTimeout(flags.timeout);
  const port = parsePort(flags.port);
  const fileLabel = found ? displayPath(found.file, cwd) : undefined;
  const file: ReadSettings =
    found && fileLabel ? readSettings(found.data, found.file, fileLabel) : { settings: {}, where: {}, warnings: [] };
  const { settings, where } = file;
  const inFile = <T>(key: ConfigKey, value: T | undefined): Candidate<T> =>
    candidate(value, { source: 'file', name: where[key]?.key ?? key });
  const inEnv = (name: string): Candidate<string> =>
    candidate(options.env[name]?.trim() || undefined, { source: 'env', name });
  const flag = <T>(name: string, value: T | undefined): Candidate<T> => candidate(value, { source: 'flag', name });
  const unset = byDefault<undefined>(undefined);

  const redirect = first(
    inEnv(ENV.redirectUri),
    inFile('redirectUri', settings.redirectUri),
    byDefault<string>(DEFAULTS.redirectUri),
  );
  const redirectWhere = redirect.origin.source === 'env' ? { key: ENV.redirectUri } : where.redirectUri;
  checkRedirectUri(redirect.value, redirectWhere ?? { key: 'redirectUri' });
  // A flag's path is typed in cwd; a file's is written relative to the file.
  const nextToFile = (written: string) => path.resolve(path.dirname(found?.file ?? cwd), expandHome(written, home));
  const chosen: { [K in keyof Values]-?: Chosen<Values[K]> } = {
    clientId: first(inEnv(ENV.clientId), inFile('clientId', settings.clientId), unset),
    clientSecret: first(inEnv(ENV.clientSecret), inFile('clientSecret', settings.clientSecret), unset),
    redirectUri: first(flag('--port', port === undefined ? undefined : withPort(redirect.value, port)), redirect),
    scopes: first(inFile('scopes', settings.scopes), byDefault([...DEFAULTS.scopes])),
    tokenFile: first(
      flag('--token-file', tokenFileFlag && path.resolve(cwd, expandHome(tokenFileFlag, home))),
      inFile('tokenFile', settings.tokenFile && nextToFile(settings.tokenFile)),
      byDefault(path.resolve(bookFolder(found?.file) ?? cwd, DEFAULTS.tokenFile)),
    ),
    authUrl: first(inFile('authUrl', settings.authUrl), byDefault<string>(DEFAULTS.authUrl)),
    tokenUrl: first(inFile('tokenUrl', settings.tokenUrl), byDefault<string>(DEFAULTS.tokenUrl)),
    apiUrl: first(inFile('apiUrl', settings.apiUrl), byDefault<string>(DEFAULTS.apiUrl)),
    timeoutSeconds: first(
      flag('--timeout', flags.timeout === undefined ? undefined : timeoutSeconds),
      byDefault(timeoutSeconds),
    ),
    showDialog: first(flag('--show-dialog', flags.showDialog || undefined), byDefault(false)),
    openBrowser: first(flag('--no-browser', flags.noBrowser ? false : undefined), byDefault(true)),
  };
  const entries = Object.entries(chosen) as Array<[keyof Values, Chosen<unknown>]>;
  const tokenDir = await tokenDirProblem(chosen.tokenFile.value);
  if (tokenDir?.level === 'error') throw new ConfigError('CONFIG_INVALID', tokenDir.message, { key: 'tokenFile' });
  const dirWarnings: ConfigWarning[] = tokenDir ? [{ code: 'TOKEN_DIR_WRITABLE', message: tokenDir.message }] : [];
  return {
    cwd,
    home,
    ...(configFlag ? { configFlag } : {}),
    stopDir,
    searched,
    ...(found ? { found, fileLabel } : {}),
    file,
    // An unset client id or secret is left out, not undefined: the flow tells PKCE by its absence.
    values: Object.fromEntries(
      entries.filter(([, c]) => c.value !== undefined).map(([k, c]) => [k, c.value]),
    ) as Values,
    origins: Object.fromEntries(entries.map(([key, c]) => [key, c.origin])) as Record<keyof Values, Origin>,
    warnings: [...file.warnings, ...dirWarnings].map((w) => redactWarning(w, secrets)),
  };
}

/** `--config <file>`; with `allowMissing` (init), a file still to be created reads as none. */
function named(
  file: string,
  cwd: string,
  allowMissing: boolean,
  trust: TrustContext,
): Promise<FoundConfig | undefined> {
  return allowMissing && !existsSync(file) ? Promise.resolve(undefined) : loadConfigFile(file, cwd, trust);
}
