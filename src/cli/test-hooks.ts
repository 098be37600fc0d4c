/**
 * TEST HOOKS — not features. Environment variables that only end-to-end tests set, to reach
 * exit paths a user cannot trigger on purpose. Nothing here changes behaviour unless the
 * variable is set.
 */

/**
 * IDC_TUI_TEST_CRASH_AFTER_MS=N: N ms after the TUI starts, throw an Error from a timer callback,
 * i.e. an uncaught exception inside the running app. test/e2e/terminal-restore.test.ts uses it to
 * prove the terminal is restored (raw mode off, cursor visible, main screen back) with exit code 255.
 */
export const TEST_CRASH_AFTER_MS = 'IDC_TUI_TEST_CRASH_AFTER_MS';

export const TEST_CRASH_MESSAGE = 'test crash requested by IDC_TUI_TEST_CRASH_AFTER_MS';

/** Arms the crash hook when its variable is set; returns a function that disarms it. */
export function armTestCrash(env: NodeJS.ProcessEnv = process.env): () => void {
  const text = env[TEST_CRASH_AFTER_MS];
  if (text === undefined || !/^\d+$/u.test(text)) return () => {};
  const timer = setTimeout(() => {
    throw new Error(TEST_CRASH_MESSAGE);
  }, Number(text));
  return () => clearTimeout(timer);
}
