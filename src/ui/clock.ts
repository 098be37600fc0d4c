/** Time as the UI sees it: injected so tests can drive it without sleeping. */
export interface Clock {
  now: () => number;
  /** Calls fn every ms milliseconds until the returned function is called. */
  setTick: (fn: () => void, ms: number) => () => void;
}

export function intervalTick(fn: () => void, ms: number): () => void {
  const id = setInterval(fn, ms);
  return () => clearInterval(id);
}

export const systemClock: Clock = { now: Date.now, setTick: intervalTick };
