/**
 * What the entry point gives the app. bin/idc-tui.js runs dist/launch.js (an ES module), which runs
 * the bundle dist/idc-tui.cjs from V8's code cache (src/launcher/). Unset (tests, which run the
 * sources), each part does the plain thing.
 */
export interface Host {
  /**
   * import() of a package kept outside the bundle (clipboardy, an ES module). The bundle cannot
   * call import() itself: on Node 20, code that comes from the cache has no module loader for it.
   */
  importModule(specifier: string): Promise<unknown>;
  /** The interactive screen is about to start: the moment to tune the heap for it. */
  interactiveStarted(): void;
  /** The cluster list is on the screen: the code a start runs has all run, and can be saved for the next start. */
  listDrawn(): void;
}

let host: Host = {
  importModule: (specifier) => import(specifier),
  interactiveStarted: () => {},
  listDrawn: () => {},
};

export function setHost(given: Partial<Host>): void {
  host = { ...host, ...given };
}

export function getHost(): Host {
  return host;
}
