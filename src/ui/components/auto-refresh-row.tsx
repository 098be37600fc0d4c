import { memo } from 'react';
import { autoRefreshAt, clockTime, effectiveLeadMs, formatMinutes } from '../../domain/auto-refresh.js';
import type { Clock } from '../clock.js';
import { useNow } from '../hooks/use-now.js';
import type { AutoRefreshStatus } from '../state/workspace-state.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

export interface AutoRefreshRowProps {
  status: AutoRefreshStatus;
  /** Local expiry and arrival of the token shown. */
  expiresAt: number;
  receivedAt: number;
  clock: Clock;
}

/** The token screen's Refresh row: what auto-refresh did last and what it will do next. */
export const AutoRefreshRow = memo(function AutoRefreshRow({ status, expiresAt, receivedAt, clock }: AutoRefreshRowProps) {
  const tint = useTint();
  const now = useNow(clock, 1000);
  const next = autoRefreshAt(expiresAt, receivedAt, status.beforeMs);
  const lead = formatMinutes(effectiveLeadMs(expiresAt, receivedAt, status.beforeMs));
  if (status.failure) {
    if (now >= expiresAt) {
      return (
        <SafeText color={tint('red')} wrap="truncate-end">
          {`automatic refresh failed at ${clockTime(status.failure.at)} and the token has expired · r tries again`}
        </SafeText>
      );
    }
    return (
      <SafeText color={tint('yellow')} wrap="truncate-end">
        {`automatic refresh failed at ${clockTime(status.failure.at)} (${status.failure.text}) · keeping the current token · next try ${clockTime(status.notBefore ?? now)}`}
      </SafeText>
    );
  }
  return (
    <SafeText wrap="truncate-end">
      <SafeText color={tint('green')}>on</SafeText>
      {status.lastAt !== null ? <SafeText color={tint('green')}>{` · refreshed automatically at ${clockTime(status.lastAt)}`}</SafeText> : null}
      <SafeText dimColor>{` · next at ${clockTime(next)} (${lead} before expiry) · a turns it off`}</SafeText>
    </SafeText>
  );
});
