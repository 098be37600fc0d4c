import { useEffect, useState } from 'react';
import type { Clock } from '../clock.js';

/**
 * Re-renders every intervalMs and returns now() read at render time, so a value derived from it
 * is right even when the render was caused by something else (a new expiry, say), and never drifts.
 */
export function useNow(clock: Clock, intervalMs = 1000): number {
  const [, setTicks] = useState(0);
  useEffect(() => clock.setTick(() => setTicks((n) => n + 1), intervalMs), [clock, intervalMs]);
  return clock.now();
}
