import { describe, expect, it } from '@jest/globals';
import { createDebugLog } from '../src/core/debug-log.js';

const SECRET = 'client/secret+with=odd&chars';
const at = () => new Date(0);

function logged(secrets: string[], event: string, details: Record<string, unknown>): string {
  const lines: string[] = [];
  createDebugLog((line) => void lines.push(line), secrets, at)(event, details);
  return lines.join('');
}

describe('the debug log', () => {
  it('scrubs a known secret in its encoded forms too, and in base64 of id:secret', () => {
    const basic = Buffer.from(`my-client:${SECRET}`).toString('base64');
    const line = logged([SECRET, basic], 'echo', {
      body: `a ${encodeURIComponent(SECRET)} b ${JSON.stringify(SECRET)} c ${basic}`,
    });
    expect(line).not.toContain(encodeURIComponent(SECRET));
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain(basic);
    expect(line.match(/\[redacted\]/g)).toHaveLength(3);
  });

  it("hides a proxy URL's user and password", () => {
    const line = logged([], 'http proxy', { proxy: 'http://alice:pa55word@127.0.0.1:3128/' });
    expect(line).toContain('http://[redacted]:[redacted]@127.0.0.1:3128/');
    expect(line).not.toMatch(/alice|pa55word/);
  });

  it('writes values a terminal would obey as escapes, never raw', () => {
    const line = logged([], 'answer', { text: 'a\u001b]0;t\u0007b\u009bc\u202ed' });
    expect(line).toContain('"a\\u001b]0;t\\u0007b\\u009bc\\u202ed"');
    expect(line).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
  });
});
