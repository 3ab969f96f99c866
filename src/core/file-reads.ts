// The file reads of the cached `pytify-auth token` path, as promises over node:fs's callbacks:
// node:fs/promises is not in Node's start-up snapshot, and loading it costs about 0.8 ms of a run
// that may happen before every API call. Errors are node:fs's own (same `code`s).
import { lstat as lstatCallback, readFile as readFileCallback, stat as statCallback, type Stats } from 'node:fs';

const promised = <T>(call: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => call((error, value) => (error ? reject(error) : resolve(value))));

export const readText = (path: string): Promise<string> => promised((done) => readFileCallback(path, 'utf8', done));
export const lstat = (path: string): Promise<Stats> => promised((done) => lstatCallback(path, done));
export const stat = (path: string): Promise<Stats> => promised((done) => statCallback(path, done));
