import type { Browser } from '../../src/login/browser.js';
import { decide, type Decision } from './authorize-code.js';

export interface CallbackVisit {
  url: string;
  status: number;
  html: string;
}

/**
 * A stand-in for the user's browser: records every URL it is asked to open, can refuse to open,
 * and can follow an authorize URL through the fake consent screen to the callback listener.
 */
export class FollowingBrowser implements Browser {
  readonly opened: string[] = [];
  /** Set: open() rejects with it, as when no browser can be started. */
  failWith?: Error;
  /** Set: open() also follows the URL with this decision, in the background, as a real browser would. */
  autoFollow?: Decision;
  /** The callback pages reached by auto-follow, in order. */
  readonly visits: Promise<CallbackVisit>[] = [];

  async open(url: string): Promise<void> {
    this.opened.push(url);
    if (this.failWith) throw this.failWith;
    if (this.autoFollow) this.visits.push(this.follow(url, this.autoFollow));
  }

  /** Consent with `decision`, then load the callback URL the accounts service redirected to. */
  async follow(authorizeUrl: string, decision: Decision): Promise<CallbackVisit> {
    return this.visit((await decide(authorizeUrl, decision)).toString());
  }

  async visit(url: string): Promise<CallbackVisit> {
    const response = await fetch(url, { redirect: 'manual' });
    return { url, status: response.status, html: await response.text() };
  }
}
