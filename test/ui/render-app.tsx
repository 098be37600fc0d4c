import { render } from 'ink-testing-library';
import type { Clipboard } from '../../src/clipboard/clipboard.js';
import { App, type AppOutcome, type AppProps } from '../../src/ui/app.js';
import { FakeApi, FakeClipboard, ManualClock } from './fakes.js';

export const START = Date.UTC(2025, 10, 28, 13, 0, 0);

export interface RenderAppOptions<C extends Clipboard = FakeClipboard> {
  api?: FakeApi;
  /** A FakeClipboard unless given. */
  clipboard?: C;
  rows?: number;
  columns?: number;
  initialSelection?: string[];
  context?: { profile?: string; region?: string; endpoint?: string };
  /** Colours on screen (App's color prop); undefined leaves App's default (on). */
  color?: boolean;
  /** Any other App props, given last. */
  props?: Partial<AppProps>;
}

export type RenderedApp<C extends Clipboard> = ReturnType<typeof render> & { api: FakeApi; clipboard: C; clock: ManualClock; outcomes: AppOutcome[] };

export function renderApp<C extends Clipboard = FakeClipboard>(options: RenderAppOptions<C> = {}): RenderedApp<C> {
  const api = options.api ?? new FakeApi();
  const clipboard = options.clipboard ?? (new FakeClipboard() as unknown as C);
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
      {...options.props}
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
