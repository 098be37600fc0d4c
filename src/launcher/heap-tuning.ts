import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Semispace size at which the young generation stops growing (V8's default limit is 16 MiB). */
const SEMI_SPACE_LIMIT = 4 * 2 ** 20;
/** After each full GC the old generation may grow by this much before the next: 1.3 × live (V8: up to 4 ×). */
const HEAP_GROWING_PERCENT = 30;

/**
 * One memory-reducer GC: V8 11 (Node 20) names it --memory-reducer-single-gc, V8 12 and later
 * (Node 22, 24) --memory-reducer-gc-count. An unknown flag is not an error for V8: it prints one.
 */
const V8_MAJOR = Number(process.versions.v8.split('.')[0]);
const ONE_REDUCER_GC = V8_MAJOR >= 12 ? '--memory-reducer-gc-count=1' : '--memory-reducer-single-gc';
const DEFAULT_REDUCER_GCS = V8_MAJOR >= 12 ? '--memory-reducer-gc-count=2' : '--no-memory-reducer-single-gc';

/**
 * Keeps the TUI's peak memory down (10,000 clusters: VmHWM 158–163 → 119–120 MiB with all of it;
 * keys and the idle screen unchanged). V8 sized the
 * heap for throughput: the young generation grew to 2 × 16 MiB while pages stream in, and the
 * old generation to up to 4 × its live size (~20 MiB) before a full GC. Both are V8 flags, but
 * --max-semi-space-size is read only when the heap is created; --semi-space-growth-factor and
 * --heap-growing-percent are read as the heap grows, so they work from here. Growth of the young
 * generation stops once a semispace reaches 4 MiB (a cap at 1 MiB promoted so many page objects
 * that the old generation grew instead); start-up, before this runs, already leaves it at 8 MiB,
 * so the cap holds once V8 has shrunk it on an idle spell. V8's default growth factor is 2. And optimising compiles
 * run on the main thread, not on helper threads whose malloc arenas each kept several MiB resident
 * (10,000 clusters: 122–123 → 119–120 MiB, and ~15 % less CPU to load; key latency unchanged).
 * When the app goes quiet after a busy spell (a list loaded, keys pressed), V8's memory reducer
 * collects the garbage with one full GC, not two: the second freed ~1 MiB and cost ~70 ms of CPU,
 * most of what an idle token screen spent in its first 30 s (0.97 → 0.5–0.6 %).
 */
let tuned = false;
let growing = true;

/** One call: each call of setFlagsFromString costs ~3.5 ms on Node 20. */
function applyFlags(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT} --no-concurrent-recompilation ${ONE_REDUCER_GC}${growing ? '' : ' --semi-space-growth-factor=1'}`);
}

export function tuneHeapForMemory(): void {
  if (tuned) return;
  try {
    tuned = true;
    applyFlags();
    const observer = new PerformanceObserver(() => {
      const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      if (young === undefined) return void observer.disconnect();
      // space_size counts both semispaces. V8 shrinks them again when the app idles: let them grow
      // back up to the limit when work resumes.
      const grow = young.space_size / 2 < SEMI_SPACE_LIMIT;
      if (grow !== growing) setFlagsFromString(`--semi-space-growth-factor=${grow ? 2 : 1}`);
      growing = grow;
    });
    observer.observe({ entryTypes: ['gc'] });
  } catch {
    // Only memory is at stake: never stop the app for it.
  }
}

/**
 * Runs fn under V8's default heap flags. V8 stamps the code it caches with a hash of every flag
 * and refuses code made under other flags, and each start compiles under the defaults: a cache
 * made while tuned would be refused at every start.
 */
export function withDefaultHeapFlags<T>(fn: () => T): T {
  if (!tuned) return fn();
  setFlagsFromString(`--heap-growing-percent=0 --semi-space-growth-factor=2 --concurrent-recompilation ${DEFAULT_REDUCER_GCS}`);
  try {
    return fn();
  } finally {
    applyFlags();
  }
}
