import chalk from 'chalk';
import { render } from 'ink';
import type { RedshiftApi } from '../aws/api.js';
import type { ClipboardGuard } from '../clipboard/auto-clear.js';
import type { Clipboard } from '../clipboard/clipboard.js';
import { AppError, ExitCode } from '../domain/errors.js';
import { App, type AppOutcome } from '../ui/app.js';
import type { FirstPage } from '../ui/state/cluster-list-state.js';
import { benchApi, benchInput, benchOnRender } from './bench-events.js';
import { reportError } from './report-error.js';
import { terminalScreen } from './terminal-screen.js';
import { armTestCrash } from './test-hooks.js';
import type { WorkspaceAppProps } from './workspace-setup.js';

export interface TuiSetup {
  api: RedshiftApi;
  /** The listing's first page, when it came before the screen: the first frame shows it. */
  firstPage?: FirstPage;
  clipboard: Clipboard;
  /** Clears the clipboard after --clipboard-clear-after and on every way out (awaited here). */
  clipboardGuard?: ClipboardGuard;
  recopy?: boolean;
  /** How copying works, for the ? help. */
  clipboardDescription?: string;
  context: { profile?: string; region?: string; endpoint?: string };
  initialSelection?: readonly string[];
  /** Identity, profile/region switching, memory, auto-refresh (issue 7). */
  app?: WorkspaceAppProps;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** --debug: a crash prints its stack. */
  debug?: boolean;
  /** stdout is a pipe: Enter on the token screen prints the token there and exits. */
  resultGoesToStdout?: boolean;
  /** Colours on screen (--color, NO_COLOR, FORCE_COLOR); styles such as the cursor's inverse stay either way. */
  color?: boolean;
}

const SIGNAL_EXIT: Record<string, number> = { SIGTERM: 143, SIGHUP: 129, SIGINT: ExitCode.interrupted };

/**
 * The lifecycle root: owns the alternate screen, signals and the exit code. The terminal is
 * restored on every way out.
 */
export async function runTui(setup: TuiSetup): Promise<{ code: number; outcome: AppOutcome }> {
  const stdin = setup.stdin ?? process.stdin;
  const stdout = setup.stdout ?? process.stdout;
  if (!stdin.isTTY || !stdout.isTTY) {
    throw new AppError('usage', 'idc-tui needs a terminal for its interactive screen.', {
      hint: 'In scripts pass --cluster-ids ID… with --output json|text|table.',
    });
  }
  // chalk guesses from the environment (CI set, FORCE_COLOR=0, TERM) and at level 0 drops the
  // inverse that marks the cursor row; colours themselves follow setup.color.
  chalk.level = Math.max(chalk.level, 1) as typeof chalk.level;
  const screen = terminalScreen(stdout, stdin);
  let outcome: AppOutcome = { kind: 'cancel' };
  screen.enter();
  const stopBenchInput = benchInput(stdin);
  const instance = render(
    <App
      api={benchApi(setup.api)}
      firstPage={setup.firstPage}
      clipboard={setup.clipboard}
      clipboardGuard={setup.clipboardGuard}
      recopy={setup.recopy}
      clipboardDescription={setup.clipboardDescription}
      context={setup.context}
      color={setup.color}
      initialSelection={setup.initialSelection}
      outputHint={setup.resultGoesToStdout ? 'Enter prints the token to stdout and exits · q cancels' : undefined}
      {...setup.app}
      onExit={(o) => {
        outcome = o;
      }}
    />,
    { stdin, stdout, exitOnCtrlC: false, patchConsole: true, onRender: benchOnRender },
  );

  const onSignal = (signal: NodeJS.Signals) => {
    instance.unmount();
    screen.restore();
    const exit = () => process.exit(SIGNAL_EXIT[signal] ?? ExitCode.other);
    if (setup.clipboardGuard) void setup.clipboardGuard.dispose(1000).finally(exit);
    else exit();
  };
  const onCrash = (err: unknown) => {
    try {
      instance.unmount();
    } finally {
      screen.restore();
    }
    process.exit(reportError(err, setup.debug ?? false));
  };
  for (const s of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.on(s, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  const disarmTestCrash = armTestCrash();
  try {
    await instance.waitUntilExit();
  } finally {
    disarmTestCrash();
    for (const s of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.off(s, onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    instance.cleanup();
    stopBenchInput();
    screen.restore();
    // Forget the token: clear what we copied if the clipboard still holds it (not with clear-after 0).
    await setup.clipboardGuard?.dispose();
  }
  const code = outcome.kind === 'cancel' ? ExitCode.interrupted : ExitCode.ok;
  return { code, outcome };
}
