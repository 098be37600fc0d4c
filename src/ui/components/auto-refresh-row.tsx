import { Text } from 'ink';
import { memo } from 'react';
import { autoRefreshAt, clockTime, effectiveLeadMs, formatMinutes } from '../../domain/auto-refresh.js';
import type { Clock } from '../clock.js';
import { useNow } from '../hooks/use-now.js';
import type { AutoRefreshStatus } from '../state/workspace-state.js';
import { useTint } from '../color-context.js';

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
        <Text color={tint('red')} wrap="truncate-end">
          {`automatic refresh failed at ${clockTime(status.failure.at)} and the token has expired · r tries again`}
        </Text>
      );
    }
    return (
      <Text color={tint('yellow')} wrap="truncate-end">
        {`automatic refresh failed at ${clockTime(status.failure.at)} (${status.failure.text}) · keeping the current token · next try ${clockTime(status.notBefore ?? now)}`}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      <Text color={tint('green')}>on</Text>
      {status.lastAt !== null ? <Text color={tint('green')}>{` · refreshed automatically at ${clockTime(status.lastAt)}`}</Text> : null}
      <Text dimColor>{` · next at ${clockTime(next)} (${lead} before expiry) · a turns it off`}</Text>
    </Text>
  );
});
