import { render } from 'ink';
import type { RedshiftApi } from '../aws/api.js';
import type { Clipboard } from '../clipboard/clipboard.js';
import { AppError, ExitCode } from '../domain/errors.js';
import { App, type AppOutcome } from '../ui/app.js';
import { terminalScreen } from './terminal-screen.js';

export interface TuiSetup {
  api: RedshiftApi;
  clipboard: Clipboard;
  context: { profile?: string; region?: string; endpoint?: string };
  initialSelection?: readonly string[];
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
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
  const screen = terminalScreen(stdout, stdin);
  let outcome: AppOutcome = { kind: 'cancel' };
  screen.enter();
  const instance = render(
    <App
      api={setup.api}
      clipboard={setup.clipboard}
      context={setup.context}
      initialSelection={setup.initialSelection}
      onExit={(o) => {
        outcome = o;
      }}
    />,
    { stdin, stdout, exitOnCtrlC: false, patchConsole: true },
  );

  const onSignal = (signal: NodeJS.Signals) => {
    instance.unmount();
    screen.restore();
    process.exit(SIGNAL_EXIT[signal] ?? ExitCode.other);
  };
  const onCrash = (err: unknown) => {
    try {
      instance.unmount();
    } finally {
      screen.restore();
    }
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    process.stderr.write(`idc-tui: unexpected error: ${message}\nRun again with --debug for details.\n`);
    if (process.argv.includes('--debug') && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exit(ExitCode.other);
  };
  for (const s of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.on(s, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  try {
    await instance.waitUntilExit();
  } finally {
    for (const s of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.off(s, onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    instance.cleanup();
    screen.restore();
  }
  const code = outcome.kind === 'cancel' ? ExitCode.interrupted : ExitCode.ok;
  return { code, outcome };
}
