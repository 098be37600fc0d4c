import { memo } from 'react';
import { expiryPhase, formatRemaining, remainingMs, type ExpiryPhase } from '../../domain/expiry.js';
import type { Clock } from '../clock.js';
import { useNow } from '../hooks/use-now.js';
import { phaseColor } from './colors.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

const NOTE: Record<Exclude<ExpiryPhase, 'expired'>, string> = {
  ok: ' left',
  warning: ' left · expiring soon, r gets a fresh token',
  critical: ' left · expires in under a minute, r gets a fresh token',
};

/** The one part of the token screen that changes every second; it re-renders on its own. */
export const Countdown = memo(function Countdown({ expiresAt, clock }: { expiresAt: Date; clock: Clock }) {
  const tint = useTint();
  const now = useNow(clock);
  const remaining = remainingMs(expiresAt, now);
  const phase = expiryPhase(remaining);
  if (phase === 'expired') {
    return (
      <SafeText>
        <SafeText color={tint('red')} bold inverse>
          {' EXPIRED '}
        </SafeText>
        <SafeText color={tint('red')}> r gets a fresh token</SafeText>
      </SafeText>
    );
  }
  return (
    <SafeText>
      <SafeText color={tint(phaseColor(phase))} bold>
        {formatRemaining(remaining)}
      </SafeText>
      <SafeText color={tint(phase === 'ok' ? undefined : phaseColor(phase))}>{NOTE[phase]}</SafeText>
    </SafeText>
  );
});
