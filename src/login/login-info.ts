// The fixed facts every login screen shows (LoginInfo), worked out from the configuration and
// where we run: a pure function of its input, so the flow keeps only what changes.
import { registerUriFor } from '../config/guidance.js';
import { parseRedirectUri } from '../config/redirect-uri.js';
import type { Config } from '../config/types.js';
import { maskClientId } from '../core/mask.js';
import { sanitize } from '../core/sanitize.js';
import type { SavedAuthorizationLine } from '../token/token-store.js';
import { sshForwardCommand, type RunEnvironment } from './environment.js';
import { looksLikePlaceholderId, type DemoInfo, type LoginInfo } from './state.js';

export interface LoginFacts {
  config: Config;
  /** The redirect URI this run sends, with the port actually listened on. */
  redirectUri: string;
  tokenSaved: boolean;
  savedLines: SavedAuthorizationLine[];
  environment: RunEnvironment;
  /** The user named a browser ($BROWSER): it is used even where none seems to exist. */
  browserNamed: boolean;
  demo?: DemoInfo;
}

export function describeLogin(facts: LoginFacts): LoginInfo {
  const { config, demo } = facts;
  return {
    clientIdMasked: maskClientId(config.clientId),
    redirectUri: facts.redirectUri,
    registerUri: registerUriFor(config.redirectUri),
    scopes: config.scopes,
    flow: config.clientSecret ? 'secret' : 'pkce',
    // For the screens only: a path from a config file or a flag may hold any character.
    tokenFile: sanitize(config.tokenFile, 500),
    tokenSaved: facts.tokenSaved,
    savedLines: facts.savedLines,
    environment: facts.environment.kind,
    sshCommand: sshCommand(facts),
    browserSkipReason: browserSkipReason(facts),
    demo,
    placeholderClientId: !demo && looksLikePlaceholderId(config.clientId),
  };
}

function sshCommand({ environment, redirectUri, demo }: LoginFacts): string | undefined {
  if (environment.kind !== 'ssh') return undefined;
  const target = parseRedirectUri(redirectUri);
  if (target.port === 0) return undefined;
  const command = sshForwardCommand(environment, target.host, target.port);
  if (!demo) return command;
  // The demo's browser visits its own Spotify too: one command forwards both ports.
  const demoForward = sshForwardCommand(environment, demo.host, demo.port).split(' ').slice(1, 3).join(' ');
  return command.replace(/^ssh -L \S+/, (first) => `${first} ${demoForward}`);
}

/** No browser when asked not to, or when none can exist here and the user named none. */
export function browserSkipReason({
  config,
  browserNamed,
  environment,
}: Pick<LoginFacts, 'config' | 'browserNamed' | 'environment'>): 'flag' | 'environment' | undefined {
  if (!config.openBrowser) return 'flag';
  if (!browserNamed && environment.kind !== 'desktop') return 'environment';
  return undefined;
}
