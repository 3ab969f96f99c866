/** A client id as screens show it: enough to recognise the app, not to copy it. */
export function maskClientId(clientId: string): string {
  if (clientId.length <= 4) return '*'.repeat(clientId.length);
  return '*'.repeat(Math.min(clientId.length - 4, 8)) + clientId.slice(-4);
}
