/**
 * Loads a module of the UI with the global fetch hidden while its dependencies evaluate.
 *
 * yoga-layout (Ink's layout engine) instantiates its WebAssembly from an embedded `data:` URL with
 * fetch() whenever a global fetch exists; without one it decodes the same bytes itself. fetch
 * brings in Node's undici: measured here, 20-25 ms of a first frame of about 160 ms. Nothing in
 * the UI or the login uses fetch (got speaks node:http), and fetch is back as soon as the module
 * has loaded. Should a later yoga stop looking at fetch, this only stops saving time.
 */
export async function loadUi<T>(load: () => Promise<T>): Promise<T> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) Reflect.deleteProperty(globalThis, 'fetch');
  try {
    return await load();
  } finally {
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
  }
}
