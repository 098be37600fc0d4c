import type { RedshiftApi } from '../aws/api.js';
import { benchEvent } from './bench-events.js';
import { awsClientOptions } from './client-options.js';
import { resolveColor } from './color.js';
import { withEarlyListing, type EarlyListing } from './early-listing.js';
import { getHost, setHost, type Host } from '../host.js';
import { installLastResort } from './last-resort.js';
import { chooseMode } from './mode.js';
import { ignoreWriteErrors, writeOut } from './output-stream.js';
import { parseCommandLine, type CliOptions } from './options.js';
import { routeProcessWarnings } from './process-warnings.js';
import { printPickedToken } from './piped-result.js';
import { reportError } from './report-error.js';
import { terminalText } from '../domain/terminal-text.js';

/** --debug in the TUI: lines on stderr (redirect it: 2>debug.log), as the launcher writes its own. */
const debugLine = (line: string) => void process.stderr.write(`debug: ${line}\n`);

/** The longest the screen waits for DescribeClusters to be sent (a slow DNS lookup or TLS handshake). */
const REQUEST_HEAD_START_MS = 50;
/** The longest the first frame waits for the first page, once the UI is ready; else it says "loading…". */
const FIRST_PAGE_WAIT_MS = 100;

export async function run(argv: readonly string[], host: Partial<Host> = {}): Promise<void> {
  setHost(host);
  const debug = argv.includes('--debug');
  installLastResort(debug);
  ignoreWriteErrors(process.stderr);
  routeProcessWarnings(debug ? (line) => process.stderr.write(`${terminalText(line)}\n`) : undefined);
  try {
    if (argv[0] === 'emulator') {
      const { startEmulatorCli } = await import('../emulator/server.js');
      await startEmulatorCli([...argv.slice(1)]);
      return;
    }
    const { command, stdout } = parseCommandLine(argv);
    if (command.kind === 'printed') {
      await writeOut(stdout);
      return;
    }
    const mode = chooseMode(command.options, { stdoutIsTTY: Boolean(process.stdout.isTTY) });
    if (mode !== 'interactive') {
      const { runScripted } = await import('./scripted/index.js');
      process.exitCode = await runScripted(command.options, mode);
      return;
    }
    process.exitCode = await runInteractive(command.options);
  } catch (err) {
    process.exitCode = reportError(err, debug);
  }
}

async function runInteractive(options: CliOptions): Promise<number> {
  const demo = options.demo ? await (await import('./demo.js')).startDemo(options) : undefined;
  const effective = demo?.options ?? options;
  let listing: EarlyListing<RedshiftApi> | undefined;
  // The first connection's clients: a call still waiting when the screen closes (a server that
  // never answers) would keep the process alive until its timeout.
  const clients: Array<{ close(): void }> = [];
  try {
    // The AWS side first, to send DescribeClusters before Ink and React load (the main cost of a start).
    const [{ createRedshiftApi }, { workspaceSetup }, { nextRequestSent }] = await Promise.all([
      import('../aws/redshift-api.js'),
      import('./workspace-setup.js'),
      import('../aws/request-sent.js'),
    ]);
    const clientOptions = { ...awsClientOptions(effective), ...demo?.client, ...(options.debug && { routeLog: debugLine }) };
    const setup = await workspaceSetup(effective, clientOptions, { demo: demo !== undefined });
    const { context, initialSelection, app } = setup;
    clients.push(setup);
    // The UI's modules take the main thread for a while once they load: until then the request needs
    // the event loop (config files, the connection), so it is put on the wire first.
    const sent = nextRequestSent(REQUEST_HEAD_START_MS);
    const api = createRedshiftApi(setup.clientOptions);
    clients.push({ close: () => api.destroy() });
    listing = withEarlyListing(api);
    await sent;
    const [{ chooseClipboard, clipboardSummary }, { ClipboardGuard }, { detachedClearer }, { runTui }] = await Promise.all([
      import('../clipboard/choose-clipboard.js'),
      import('../clipboard/auto-clear.js'),
      import('../clipboard/detached-clearer.js'),
      import('./run-tui.js'),
    ]);
    // A first frame that already shows the list, when DescribeClusters answers soon enough.
    const firstPage = await listing.takeFirstPage(FIRST_PAGE_WAIT_MS);
    if (firstPage) benchEvent('page', { n: 1, count: firstPage.clusters.length });
    const clipboard = chooseClipboard(options.clipboard);
    const piped = process.stdout.isTTY ? undefined : (await import('./controlling-terminal.js')).openControllingTerminal();
    getHost().interactiveStarted();
    const { code, outcome } = await runTui({
      ...(piped && { stdin: piped.stdin, stdout: piped.stdout, resultGoesToStdout: true }),
      api: listing.api,
      firstPage,
      clipboard,
      clipboardGuard: new ClipboardGuard(clipboard, {
        clearAfterMs: options.clipboardClearAfterSeconds * 1000,
        detached: detachedClearer(getHost().clipboardClearer(), getHost().bundledHelpers()),
      }),
      recopy: options.recopy,
      debug: options.debug,
      // The screen is a terminal even when stdout is a pipe, so colour is decided for a terminal.
      color: resolveColor(options.colorMode, process.env, true),
      clipboardDescription: clipboardSummary(options.clipboard, options.clipboardClearAfterSeconds, options.recopy),
      context: demo ? { ...context, profile: 'demo' } : context,
      initialSelection,
      app,
    }).finally(() => piped?.close());
    if (!piped) return code;
    return printPickedToken(outcome, options);
  } finally {
    listing?.dispose();
    for (const client of clients) client.close();
    await demo?.close();
  }
}
