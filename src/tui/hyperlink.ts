/**
 * An OSC 8 terminal hyperlink: terminals that know it show `text` as a clickable link to `url`,
 * others print `text` alone. Ink measures its width as `text`'s, so layout stays right.
 */
export function hyperlink(url: string, text: string): string {
  // A control character in the URL could end the sequence early and inject terminal codes.
  if (/[\u0000-\u001F\u007F]/.test(url)) return text;
  return `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;
}
