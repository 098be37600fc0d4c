import { render } from 'ink-testing-library';
import { App, type AppOutcome } from '../../src/ui/app.js';
import { FakeApi, FakeClipboard, ManualClock } from './fakes.js';

export const START = Date.UTC(2025, 10, 28, 13, 0, 0);

export interface RenderAppOptions {
  api?: FakeApi;
  rows?: number;
  columns?: number;
  initialSelection?: string[];
  context?: { profile?: string; region?: string; endpoint?: string };
  /** Colours on screen (App's color prop); undefined leaves App's default (on). */
  color?: boolean;
}

export function renderApp(options: RenderAppOptions = {}) {
  const api = options.api ?? new FakeApi();
  const clipboard = new FakeClipboard();
  const clock = new ManualClock(START);
  const outcomes: AppOutcome[] = [];
  const rendered = render(
    <App
      api={api}
      clipboard={clipboard}
      now={clock.now}
      setTick={clock.setTick}
      context={options.context ?? { profile: 'dev', region: 'us-east-1' }}
      initialSelection={options.initialSelection}
      rows={options.rows ?? 30}
      columns={options.columns ?? 100}
      color={options.color}
      onExit={(outcome) => outcomes.push(outcome)}
    />,
  );
  return { ...rendered, api, clipboard, clock, outcomes };
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  home: '\u001B[H',
  end: '\u001B[F',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  space: ' ',
  ctrlC: '\u0003',
  ctrlR: '\u0012',
} as const;
