/** Lines of a code frame: `> 3 |  ,}`, `    |   ^`, `-----^`. They quote the file, secret and all. */
const FRAME = /^(>?\s*\d+\s*\||\|)|^-*\^$/;

/**
 * The one line of a cosmiconfig / js-yaml / JSON.parse error that says what is wrong, without the
 * quoted file content those messages carry (it may hold the client secret).
 */
export function shortReason(message: string): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(JSON|YAML|TypeScript) Error in /.test(line) && !FRAME.test(line));
  let reason = lines[0] ?? 'unknown error';
  reason = reason
    .replace(/ while parsing .*$/, '')
    .replace(/,\s*".*" is not valid JSON$/, ' (not valid JSON)')
    .replace(/^Unexpected token '(.)', .*$/, "Unexpected token '$1'");
  return reason.length > 200 ? `${reason.slice(0, 199)}…` : reason;
}
