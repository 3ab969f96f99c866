import { createFileTokenStore, type SaveContext, type TokenStore } from './token-store.js';
import { describeSavedAuthorization, readAuthorization, saveAuthorization } from './authorization.js';
import { reserveSave } from './login-save.js';
import { privateFileWarnings } from './file-mode.js';

/**
 * The login's token store: the token file exactly as the original tool wrote it, plus the record
 * next to it (account, scopes, dates, access token) that `status`, `token` and the launch screen
 * read. A record that cannot be written never fails the login: the token is what matters.
 */
export function createAuthorizationStore(
  tokenFile: string,
  expect: { clientId: string; scopes: string[] },
): TokenStore {
  const file = createFileTokenStore(tokenFile);
  const withContext = (refreshToken: string, context: SaveContext) => ({
    refreshToken,
    grant: context.grant,
    account: context.account,
    clientId: expect.clientId,
    now: context.now,
  });
  return {
    path: tokenFile,
    read: () => file.read(),
    saveProblem: () => file.saveProblem!(),
    async save(refreshToken, context) {
      if (!context) return file.save(refreshToken);
      await saveAuthorization(tokenFile, withContext(refreshToken, context));
    },
    reserve() {
      const reserved = reserveSave(tokenFile);
      return {
        stage: (refreshToken) => reserved.stage(refreshToken),
        // The record follows the token file; release() (after the page) waits for it.
        save: async (refreshToken, context) => void (await reserved.save(withContext(refreshToken, context))),
        release: () => reserved.release(),
      };
    },
    async describe(now) {
      const lines = describeSavedAuthorization(await readAuthorization(tokenFile, { ...expect, now }));
      const modes = await privateFileWarnings(tokenFile);
      return [...lines, ...modes.map((text) => ({ tone: 'warning' as const, text }))];
    },
  };
}
