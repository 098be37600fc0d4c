import { memo } from 'react';
import type { Clock } from '../clock.js';
import { useNow } from '../hooks/use-now.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 100;

export const Spinner = memo(function Spinner({ clock }: { clock: Clock }) {
  const tint = useTint();
  const now = useNow(clock, FRAME_MS);
  return <SafeText color={tint('cyan')}>{FRAMES[Math.floor(now / FRAME_MS) % FRAMES.length]}</SafeText>;
});
