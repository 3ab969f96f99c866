import { maskClientId } from '../../src/core/mask.js';
import type { LoginInfo } from '../../src/login/state.js';

/** The facts the login screens show, fixed for snapshots: a PKCE app on the default redirect URI. */
export const LOGIN_INFO: LoginInfo = {
  clientIdMasked: maskClientId('0123456789abcdef0123456789abcdef'),
  redirectUri: 'http://127.0.0.1:3000/callback',
  registerUri: 'http://127.0.0.1:3000/callback',
  scopes: ['user-read-private', 'user-modify-playback-state'],
  flow: 'pkce',
  tokenFile: '/home/me/.pytify',
  tokenSaved: false,
  environment: 'desktop',
};
