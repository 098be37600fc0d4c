import chalk from 'chalk';
import { render } from 'ink';
import type { RedshiftApi } from '../aws/api.js';
import type { ClipboardGuard } from '../clipboard/auto-clear.js';
import type { Clipboard } from '../clipboard/clipboard.js';
import { AppError, ExitCode } from '../domain/errors.js';
import { App, type AppOutcome } from '../ui/app.js';
import type { FirstPage } from '../ui/state/cluster-list-state.js';
import { benchApi, benchInput, benchOnRender } from './bench-events.js';
import { jobControl } from './job-control.js';
import { reportError } from './report-error.js';
import { isTerminalLoss, releaseLostTerminal, terminalStdio } from './terminal-loss.js';
import { terminalScreen } from './terminal-screen.js';
import type { TerminalControl } from '../ui/terminal-control.js';
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

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;
const SIGNAL_EXIT: Record<string, number> = { SIGTERM: 143, SIGHUP: 129, SIGINT: ExitCode.interrupted };
/** The exit code when the terminal is lost (hung up), with or without a SIGHUP first. */
const TERMINAL_LOST_EXIT = 129;
/** How long a signal waits for the clipboard to be cleared, with the terminal back already. */
const CLEAR_ON_SIGNAL_MS = 1000;
/** With the terminal gone nobody waits: the clipboard gets longer (the detached clearer is there for what this misses). */
const CLEAR_ON_LOSS_MS = 10_000;

/** Listeners for the terminal being given back after a stop. */
function resumeListeners() {
  const listeners = new Set<() => void>();
  return {
    emit: () => {
      for (const listener of listeners) listener();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

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
  const resume = resumeListeners();
  const jobs = jobControl(screen, resume.emit);
  const terminal: TerminalControl = { suspend: jobs.suspend, onResume: resume.subscribe };
  const stdio = terminalStdio();
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
      terminal={terminal}
      {...setup.app}
      onExit={(o) => {
        outcome = o;
      }}
    />,
    { stdin, stdout, exitOnCtrlC: false, patchConsole: true, onRender: benchOnRender },
  );

  let ending = false;
  /**
   * Every way out but the app's own: a signal, a crash, or the terminal lost. The clipboard comes
   * first (a hangup may be followed by SIGKILL); then the terminal is restored, or, when it is
   * gone, left alone: nothing more is written to it, not even by Ink as it unmounts.
   */
  const end = (how: { code: number } | { error: unknown }) => {
    if (ending) return;
    ending = true;
    const lost = !screen.alive();
    // A hangup or an EIO may come while the tty still looks alive: the clear gets the loss's time then too.
    const hungUp = lost || ('code' in how && how.code === TERMINAL_LOST_EXIT);
    const clearing = setup.clipboardGuard?.dispose(hungUp ? CLEAR_ON_LOSS_MS : CLEAR_ON_SIGNAL_MS) ?? Promise.resolve();
    jobs.dispose();
    if (lost) {
      screen.abandon();
      stdout.destroy();
      stdin.destroy();
    }
    try {
      instance.unmount();
    } catch {
      // unmounting a tree that is failing: the terminal is restored below all the same
    } finally {
      screen.restore();
    }
    const code = lost ? TERMINAL_LOST_EXIT : 'code' in how ? how.code : reportError(how.error, setup.debug ?? false);
    void clearing.finally(() => {
      if (lost) releaseLostTerminal(stdio);
      process.exit(code);
    });
  };
  const onSignal = (signal: NodeJS.Signals) => end({ code: SIGNAL_EXIT[signal] ?? ExitCode.other });
  const onCrash = (err: unknown) => {
    // once ending, what fails is the terminal going away under the cleanup
    if (!ending) end(isTerminalLoss(err) && !screen.alive() ? { code: TERMINAL_LOST_EXIT } : { error: err });
  };
  const onTerminalError = (err: unknown) => {
    if (!ending) end(isTerminalLoss(err) ? { code: TERMINAL_LOST_EXIT } : { error: err });
  };
  // A terminal in raw mode only ends when it hangs up.
  const onTerminalEnd = () => {
    if (!ending && !screen.alive()) end({ code: TERMINAL_LOST_EXIT });
  };
  // Before Ink's own signal handler, which would draw a last frame on a terminal that may be gone.
  for (const s of SIGNALS) process.prependListener(s, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  stdout.on('error', onTerminalError);
  stdin.on('error', onTerminalError);
  stdin.on('end', onTerminalEnd);
  const disarmTestCrash = armTestCrash();
  try {
    await instance.waitUntilExit();
  } finally {
    disarmTestCrash();
    jobs.dispose();
    instance.cleanup();
    stopBenchInput();
    screen.restore();
    // Forget the token: clear what we copied if the clipboard still holds it (not with clear-after 0).
    // Once ending, end() does that and exits the process; until then a second signal (a shell passes
    // SIGHUP on to its jobs after the kernel's) must not kill it with its default action.
    if (!ending) await setup.clipboardGuard?.dispose();
    if (!ending) {
      for (const s of SIGNALS) process.off(s, onSignal);
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
      stdout.off('error', onTerminalError);
      stdin.off('error', onTerminalError);
      stdin.off('end', onTerminalEnd);
    }
  }
  const code = outcome.kind === 'cancel' ? ExitCode.interrupted : ExitCode.ok;
  return { code, outcome };
}
