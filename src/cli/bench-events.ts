import { appendFileSync } from 'node:fs';
import type { RedshiftApi } from '../aws/api.js';

/**
 * The benchmark's measurement hook (scripts/bench.mjs). With IDC_TUI_BENCH_EVENTS=path set, the TUI
 * appends one JSON line per event, `{"event":"render","t":<epoch ms>}`, to that file: `key` (terminal
 * input arrived), `render` (Ink's onRender), `page` (a DescribeClusters page, with n and count).
 * Unset, nothing is wrapped and nothing is written.
 */
const path = process.env['IDC_TUI_BENCH_EVENTS'];

export function benchEvent(event: string, data?: Record<string, number>): void {
  if (!path) return;
  appendFileSync(path, `${JSON.stringify({ event, t: performance.timeOrigin + performance.now(), ...data })}\n`);
}

/** Ink's onRender option (ms: Ink's own time to lay out and draw the frame), or undefined when the hook is off. */
export const benchOnRender = path ? ({ renderTime }: { renderTime: number }) => benchEvent('render', { ms: renderTime }) : undefined;

/** The API with a `page` event per page listed; the same object when the hook is off. */
export function benchApi(api: RedshiftApi): RedshiftApi {
  if (!path) return api;
  // Everything else the API offers stays reachable through the prototype.
  const wrapped = Object.create(api) as RedshiftApi;
  wrapped.listClusters = async function* listClusters(opts) {
    let n = 0;
    let count = 0;
    for await (const page of api.listClusters(opts)) {
      count += page.length;
      benchEvent('page', { n: ++n, count });
      yield page;
    }
  };
  return wrapped;
}

/** A `key` event whenever input arrives, before Ink reads it; returns the function that stops it. */
export function benchInput(stdin: NodeJS.ReadStream): () => void {
  if (!path) return () => {};
  const onReadable = () => benchEvent('key');
  stdin.prependListener('readable', onReadable);
  return () => stdin.off('readable', onReadable);
}
