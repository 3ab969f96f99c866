import os from 'node:os';
import path from 'node:path';
import { nonEmptyFlag, parsePort, parseTimeout } from './flags.js';
import { ENV } from './keys.js';
import { searchConfigFile, type FoundConfig } from './read-file.js';
import { redactError, redactWarning, secretsIn } from './redact.js';
import { defaultStopDir, expandHome, findFile, searched, type SearchedDir } from './search-report.js';
import { checkRedirectUri, withPort } from './redirect-uri.js';
import { DEFAULTS, type Config, type ConfigFlags, type ConfigWarning } from './types.js';
import { readSettings, type ReadSettings } from './validate.js';
import { displayPath } from './where.js';

/**
 * Where each effective value comes from, for `pytify-auth doctor` and the setup screens. It
 * follows loadConfig's rules (file < environment < flags) but does not stop at a missing client
 * id; __tests__/doctor-provenance.test.ts checks that both agree.
 */
export type Source = 'file' | 'env' | 'flag' | 'default';

export interface Origin {
  readonly source: Source;
  /** The key as written in the file, the environment variable, or the flag. */
  readonly name?: string;
}

export type { SearchedDir };

export type Values = Omit<Config, 'clientId' | 'configFile'> & { clientId?: string };

export interface Inspection {
  readonly cwd: string;
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

export interface InspectOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: ConfigFlags;
  stopDir?: string;
  homeDir?: string;
  /** `init --config new.json`: a file that does not exist yet is one to create, not an error. */
  allowMissingConfigFile?: boolean;
}

/** Throws ConfigError as loadConfig does (never a missing client id), with secrets masked. */
export async function inspectConfig(options: InspectOptions): Promise<Inspection> {
  const secrets = secretsIn({ clientSecret: options.env[ENV.clientSecret] });
  try {
    return await inspect(options, secrets);
  } catch (error) {
    throw redactError(error, secrets);
  }
}

async function inspect(options: InspectOptions, secrets: string[]): Promise<Inspection> {
  const { env: environment, flags } = options;
  const cwd = path.resolve(options.cwd);
  const home = options.homeDir ?? os.homedir();
  const stopDir = path.resolve(options.stopDir ?? defaultStopDir(cwd, home));
  const flagPath = nonEmptyFlag(flags.config, '--config');
  const configFlag = flagPath ? path.resolve(cwd, expandHome(flagPath, home)) : undefined;
  const found = configFlag
    ? await findFile(cwd, configFlag, options.allowMissingConfigFile ?? false)
    : await searchConfigFile(cwd, stopDir, cwd);
  secrets.push(...secretsIn(found?.data));
  const fileLabel = found ? displayPath(found.file, cwd) : undefined;
  const file: ReadSettings =
    found && fileLabel ? readSettings(found.data, found.file, fileLabel) : { settings: {}, where: {}, warnings: [] };
  const { settings, where } = file;
  const read = (name: string): string | undefined => environment[name]?.trim() || undefined;
  const env = {
    clientId: read(ENV.clientId),
    clientSecret: read(ENV.clientSecret),
    redirectUri: read(ENV.redirectUri),
  };
  const fromFile = (key: keyof typeof where): Origin => ({ source: 'file', name: where[key]?.key ?? key });
  const byDefault: Origin = { source: 'default' };
  const tokenFileFlag = nonEmptyFlag(flags.tokenFile, '--token-file');
  const port = parsePort(flags.port);
  const timeoutSeconds = parseTimeout(flags.timeout);

  const redirectWhere = env.redirectUri ? { key: ENV.redirectUri } : (where.redirectUri ?? { key: 'redirectUri' });
  const redirect = env.redirectUri ?? settings.redirectUri ?? DEFAULTS.redirectUri;
  const localhost = checkRedirectUri(redirect, redirectWhere);
  const clientId = env.clientId ?? settings.clientId;
  const clientSecret = env.clientSecret ?? settings.clientSecret;
  const tokenFile = tokenFileFlag
    ? path.resolve(cwd, expandHome(tokenFileFlag, home))
    : settings.tokenFile && found
      ? path.resolve(path.dirname(found.file), expandHome(settings.tokenFile, home))
      : path.resolve(cwd, DEFAULTS.tokenFile);

  const values: Values = {
    ...(clientId ? { clientId } : {}),
    ...(clientSecret ? { clientSecret } : {}),
    redirectUri: port === undefined ? redirect : withPort(redirect, port),
    scopes: settings.scopes ?? [...DEFAULTS.scopes],
    tokenFile,
    authUrl: settings.authUrl ?? DEFAULTS.authUrl,
    tokenUrl: settings.tokenUrl ?? DEFAULTS.tokenUrl,
    apiUrl: settings.apiUrl ?? DEFAULTS.apiUrl,
    timeoutSeconds,
    showDialog: flags.showDialog ?? false,
    openBrowser: !(flags.noBrowser ?? false),
  };
  const fileOr = (key: 'scopes' | 'authUrl' | 'tokenUrl' | 'apiUrl'): Origin =>
    settings[key] ? fromFile(key) : byDefault;
  const origins: Record<keyof Values, Origin> = {
    clientId: env.clientId
      ? { source: 'env', name: ENV.clientId }
      : settings.clientId
        ? fromFile('clientId')
        : byDefault,
    clientSecret: env.clientSecret
      ? { source: 'env', name: ENV.clientSecret }
      : settings.clientSecret
        ? fromFile('clientSecret')
        : byDefault,
    redirectUri:
      port !== undefined
        ? { source: 'flag', name: '--port' }
        : env.redirectUri
          ? { source: 'env', name: ENV.redirectUri }
          : settings.redirectUri
            ? fromFile('redirectUri')
            : byDefault,
    scopes: fileOr('scopes'),
    tokenFile: tokenFileFlag
      ? { source: 'flag', name: '--token-file' }
      : settings.tokenFile
        ? fromFile('tokenFile')
        : byDefault,
    authUrl: fileOr('authUrl'),
    tokenUrl: fileOr('tokenUrl'),
    apiUrl: fileOr('apiUrl'),
    timeoutSeconds: flags.timeout !== undefined ? { source: 'flag', name: '--timeout' } : byDefault,
    showDialog: flags.showDialog ? { source: 'flag', name: '--show-dialog' } : byDefault,
    openBrowser: flags.noBrowser ? { source: 'flag', name: '--no-browser' } : byDefault,
  };
  const warnings = [...file.warnings, ...(localhost ? [localhost] : [])].map((w) => redactWarning(w, secrets));
  return {
    cwd,
    ...(configFlag ? { configFlag } : {}),
    stopDir,
    searched: configFlag ? [] : searched(found, cwd, stopDir),
    ...(found ? { found, fileLabel } : {}),
    file,
    values,
    origins,
    warnings,
  };
}
