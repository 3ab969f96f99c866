// Preloaded with --import by e2e-loads.test.ts: every file the program imports is appended to
// $PYTIFY_TEST_LOADS, one URL a line. The hooks run on Node's loader thread.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
