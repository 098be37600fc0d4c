import { memo, useSyncExternalStore } from 'react';
import type { ClipboardGuard } from '../../clipboard/auto-clear.js';
import type { CopyMethod } from '../../clipboard/clipboard.js';
import { formatRemaining } from '../../domain/expiry.js';
import type { Clock } from '../clock.js';
import { useNow } from '../hooks/use-now.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

/** The one part that ticks: seconds until the clear, from dueAt - now() (no drift). */
function ClearCountdown({ dueAt, clock, method }: { dueAt: number; clock: Clock; method: CopyMethod }) {
  const tint = useTint();
  const now = useNow(clock);
  const left = formatRemaining(Math.max(0, dueAt - now));
  if (method === 'system') {
    return (
      <SafeText wrap="truncate-end">
        <SafeText color={tint('cyan')} bold>{`cleared in ${left}`}</SafeText>
        <SafeText dimColor> if it still holds the copy · x clears now</SafeText>
      </SafeText>
    );
  }
  return (
    <SafeText wrap="truncate-end">
      <SafeText color={tint('cyan')} bold>{`tmux buffer cleared in ${left}`}</SafeText>
      <SafeText dimColor> · the terminal's clipboard cannot be read back: x sends an empty one</SafeText>
    </SafeText>
  );
}

function idleText(clearAfterMs: number): string {
  if (clearAfterMs <= 0) return 'c copies · not cleared automatically (--clipboard-clear-after 0)';
  return `c copies · cleared ${Math.round(clearAfterMs / 1000)} s later if it still holds the copy`;
}

/** The Clipboard row of the token screen: what happens to what we copied, with the clear countdown. */
export const ClipboardStatus = memo(function ClipboardStatus({ guard, clock }: { guard: ClipboardGuard; clock: Clock }) {
  const tint = useTint();
  const { status } = useSyncExternalStore(guard.subscribe, guard.getState);
  switch (status.kind) {
    case 'idle':
      return (
        <SafeText dimColor wrap="truncate-end">
          {idleText(guard.clearAfterMs)}
        </SafeText>
      );
    case 'armed':
      return <ClearCountdown dueAt={status.dueAt} clock={clock} method={status.method} />;
    case 'kept':
      if (status.why === 'never') {
        return <SafeText color={tint('yellow')} wrap="truncate-end">holds the copy: not cleared automatically (--clipboard-clear-after 0) · x clears now</SafeText>;
      }
      return (
        <SafeText color={tint('yellow')} wrap="truncate-end">
          {status.detail ? `${status.detail}; ` : ''}
          OSC 52 cannot be read back, so it is not cleared automatically (that could wipe what you copied since) · x sends an empty one
        </SafeText>
      );
    case 'cleared':
      return (
        <SafeText color={tint('green')} wrap="truncate-end">
          {status.by === 'user' ? 'cleared' : 'cleared: it still held the copy'}
        </SafeText>
      );
    case 'left':
      return <SafeText wrap="truncate-end">left alone: it holds something else now</SafeText>;
    case 'failed':
      return <SafeText color={tint('red')} wrap="truncate-end">{`could not clear it: ${status.reason} · x tries again`}</SafeText>;
  }
});
