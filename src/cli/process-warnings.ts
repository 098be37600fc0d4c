/**
 * The AWS SDK warns about Node versions through process.emitWarning, which would land in the
 * middle of the TUI. Warnings go to the debug log instead of stderr.
 */
export function routeProcessWarnings(debugLog: ((line: string) => void) | undefined): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    debugLog?.(`warning: ${warning.name}: ${warning.message}`);
  });
}
