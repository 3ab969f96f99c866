import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && process.env.PYTIFY_TEST_LOADS)
    appendFileSync(process.env.PYTIFY_TEST_LOADS, `${url}\n`);
  return nextLoad(url, context);
}
