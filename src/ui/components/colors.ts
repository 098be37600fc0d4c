import type { ExpiryPhase } from '../../domain/expiry.js';
import type { NoticeTone } from '../state/app-state.js';

export type Color = 'green' | 'yellow' | 'red' | 'cyan' | 'gray' | 'white';

const IN_TRANSITION = new Set([
  'paused',
  'pausing',
  'resuming',
  'creating',
  'modifying',
  'rebooting',
  'renaming',
  'resizing',
  'cancelling-resize',
  'rotating-keys',
  'updating-hsm',
]);

/** available green; paused and changing states yellow; anything else (deleting, failures…) red. */
export function statusColor(status: string): Color {
  const s = status.toLowerCase();
  if (s === 'available') return 'green';
  if (IN_TRANSITION.has(s)) return 'yellow';
  return 'red';
}

export function phaseColor(phase: ExpiryPhase): Color {
  switch (phase) {
    case 'ok':
      return 'green';
    case 'warning':
      return 'yellow';
    case 'critical':
    case 'expired':
      return 'red';
  }
}

export function toneColor(tone: NoticeTone): Color | undefined {
  switch (tone) {
    case 'info':
      return 'cyan';
    case 'success':
      return 'green';
    case 'warning':
      return 'yellow';
    case 'error':
      return 'red';
  }
}
