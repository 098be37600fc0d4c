import { reportError } from './report-error.js';

/**
 * Whatever escapes every handler (an 'error' event nobody listens to, a rejection nobody awaits)
 * ends with one line and exit 255, not Node's report, which quotes the source line: in the bundle,
 * a line of ~200 KB of minified code. While the interactive screen runs, its own handler (which
 * restores the terminal first) takes the error, and this one stands aside.
 */
export function installLastResort(debug: boolean): void {
  const onCrash = (error: unknown, origin: 'uncaughtException' | 'unhandledRejection') => {
    if (process.listenerCount(origin) > 1) return;
    process.exit(reportError(error, debug));
  };
  process.on('uncaughtException', (error) => onCrash(error, 'uncaughtException'));
  process.on('unhandledRejection', (reason) => onCrash(reason, 'unhandledRejection'));
}
