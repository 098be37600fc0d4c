import type { BundledHelpers } from './clipboard/helper-commands.js';

/**
 * What the entry point gives the app. bin/idc-tui.js runs dist/launch.js (an ES module), which runs
 * the bundle dist/idc-tui.cjs from V8's code cache (src/launcher/). Unset (tests, which run the
 * sources), each part does the plain thing.
 */
export interface Host {
  /** The interactive screen is about to start: the moment to tune the heap for it. */
  interactiveStarted(): void;
  /** The cluster list is on the screen: the code a start runs has all run, and can be saved for the next start. */
  listDrawn(): void;
  /** Clipboard programs that ship inside the clipboardy package (xsel, the Windows one), when installed. */
  bundledHelpers(): BundledHelpers;
  /** The detached clipboard clearer script beside the bundle; none when running the sources. */
  clipboardClearer(): string | undefined;
}

let host: Host = {
  interactiveStarted: () => {},
  listDrawn: () => {},
  bundledHelpers: () => ({}),
  clipboardClearer: () => undefined,
};

export function setHost(given: Partial<Host>): void {
  host = { ...host, ...given };
}

export function getHost(): Host {
  return host;
}
