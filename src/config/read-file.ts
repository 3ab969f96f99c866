import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { defaultLoaders } from 'cosmiconfig';
import { readText } from '../core/file-reads.js';
import { ConfigError } from '../core/errors.js';
import { checkShape, checkSize } from './bounds.js';
import { shortReason } from './short-reason.js';
import { assertTrusted, currentTrust, type TrustContext } from './trust.js';
import { displayPath } from './where.js';

/**
 * How each kind of file is read: what cosmiconfig's loaders do, called directly. An extensionless
 * `.spotifyrc` is YAML (JSON text is YAML too), as cosmiconfig reads it.
 */
const FORMATS: Readonly<Record<string, 'json' | 'yaml' | 'js'>> = {
  '': 'yaml',
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
};

async function parse(extension: string, file: string, content: string): Promise<unknown> {
  const format = FORMATS[extension];
  // cosmiconfig's JSON loader is parse-json, JSON.parse with a code frame we would cut off anyway.
  if (format === 'json') return JSON.parse(content);
  // cosmiconfig's YAML loader is js-yaml's load(); importing js-yaml alone spares `pytify-auth
  // token` cosmiconfig (the bin gets js-yaml from dist/yaml.cjs, and no cosmiconfig at all).
  if (format === 'yaml') return (await import('js-yaml')).load(content);
  // cosmiconfig is CommonJS: its exports object is the default export, in Node and in the bundle.
  const { defaultLoaders: loaders } = (await import('cosmiconfig')).default;
  return loaders[extension as keyof typeof defaultLoaders](file, content);
}

export interface FoundConfig {
  /** Absolute path. */
  file: string;
  /** What the file holds (undefined when empty); checked by `readSettings`. */
  data: unknown;
  /** It uses YAML aliases: read as is, never written back (see bounds.ts). */
  aliased?: boolean;
}

/** `--config <file>`: exactly this file, which must exist and parse (it may be empty). */
export async function loadConfigFile(
  file: string,
  cwd: string,
  trust: TrustContext = currentTrust(os.homedir()),
): Promise<FoundConfig> {
  const found = await readConfigFile(file, cwd, false, trust);
  return typeof found === 'string' ? { file, data: undefined } : found;
}

const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM']);

/**
 * One config file, read and parsed. While searching, a candidate that cannot be read is skipped,
 * as cosmiconfig does: 'absent' when nothing is there, 'unreadable' for a directory or a file
 * without permission (doctor lists it); any other problem is a ConfigError naming the file.
 */
export async function readConfigFile(
  file: string,
  cwd: string,
  searching: boolean,
  trust: TrustContext,
): Promise<FoundConfig | 'absent' | 'unreadable'> {
  let content: string;
  try {
    // Checked before anything is read, let alone run (a .js file).
    if (existsSync(file)) {
      await assertTrusted(file, displayPath(file, cwd), trust);
      await checkSize(file, displayPath(file, cwd));
    }
    content = await readText(file);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (searching && ABSENT.has(String((error as { code?: unknown }).code)))
      return existsSync(file) ? 'unreadable' : 'absent';
    throw await readError(error, file, cwd);
  }
  if (content.trim() === '') return { file, data: undefined };
  const extension = path.extname(file);
  if (!Object.hasOwn(FORMATS, extension)) {
    const what = ['.ts', '.mts', '.cts'].includes(extension)
      ? 'TypeScript config files are'
      : `"${extension}" files are`;
    throw new ConfigError(
      'CONFIG_INVALID',
      `${displayPath(file, cwd)}: ${what} not supported (use .spotifyrc, .json, .yaml, .yml, .js or .mjs)`,
      { file },
    );
  }
  try {
    const parsed: unknown = await parse(extension, file, content);
    const isPackage = path.basename(file) === 'package.json';
    const inPackage =
      typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).spotify : undefined;
    const data = (isPackage ? inPackage : parsed) ?? undefined;
    return { file, data, ...(checkShape(data, displayPath(file, cwd), file).aliased ? { aliased: true } : {}) };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw await readError(error, file, cwd);
  }
}

async function readError(error: unknown, file: string, cwd: string): Promise<ConfigError> {
  const code = (error as { code?: unknown }).code;
  const reason =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EISDIR'
        ? 'is a directory, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : `cannot be read: ${await locate(shortReason(String((error as Error)?.message ?? error)), file)}`;
  return new ConfigError('CONFIG_INVALID', `${displayPath(file, cwd)}: ${reason}`, { file });
}

/** JSON.parse reports an offset; people look for a line and column. */
async function locate(reason: string, file: string): Promise<string> {
  const match = / at position (\d+)/.exec(reason);
  if (!match || /line \d+/.test(reason)) return reason;
  const content = await readText(file).catch(() => undefined);
  if (content === undefined) return reason;
  const before = content.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return reason.replace(match[0], ` at line ${line} column ${column}`);
}
