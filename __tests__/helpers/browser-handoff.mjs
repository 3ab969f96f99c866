#!/usr/bin/env node
// `$BROWSER <url>` for the real-browser tests: hands the URL to the test's headless chromium and
// exits at once, as a browser launcher does when a browser is already running.
//
// The test owns the chromium (it records every request and console message of the page from the
// first byte), so this script does not open a tab itself: it POSTs the URL to the test's loopback
// hand-off endpoint, BROWSER_HANDOFF_URL, and the test opens it in an instrumented page.
// Exit 0 once the test has taken the URL; 1 with a message otherwise (the CLI then reports that
// the browser could not be opened, and the test fails on it).
const url = process.argv[2];
const endpoint = process.env.BROWSER_HANDOFF_URL;
if (!url || !endpoint) {
  console.error('usage: BROWSER_HANDOFF_URL=http://127.0.0.1:<port>/ browser-handoff.mjs <url>');
  process.exit(2);
}
try {
  const response = await fetch(endpoint, { method: 'POST', body: url, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`the test answered HTTP ${response.status}`);
} catch (error) {
  console.error(
    `browser-handoff: could not hand the URL to the test: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
