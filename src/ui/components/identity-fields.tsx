import { Text } from 'ink';
import { memo } from 'react';
import type { CallerIdentity } from '../../aws/workspace-types.js';
import { formatDuration } from '../../domain/token-timing.js';
import type { Clock } from '../clock.js';
import { useNow } from '../hooks/use-now.js';
import { useTint } from '../color-context.js';

/** `assumed-role/Role/alice@example.com` from `arn:aws:sts::123456789012:assumed-role/Role/alice@example.com`. */
export function shortArn(arn: string): string {
  const parts = arn.split(':');
  return parts.length >= 6 ? parts.slice(5).join(':') : arn;
}

function CredentialsLeft({ expiresAt, clock }: { expiresAt: Date; clock: Clock }) {
  const tint = useTint();
  const now = useNow(clock, 1000);
  const left = expiresAt.getTime() - now;
  if (left <= 0) {
    return (
      <Text>
        <Text dimColor>{'  creds '}</Text>
        <Text color={tint('red')} bold>
          expired
        </Text>
      </Text>
    );
  }
  return (
    <Text>
      <Text dimColor>{'  creds '}</Text>
      <Text color={tint(left < 10 * 60_000 ? 'yellow' : undefined)} bold>{`${formatDuration(left)} left`}</Text>
    </Text>
  );
}

export interface IdentityFieldsProps {
  identity: CallerIdentity | undefined;
  credentialsExpiry: Date | undefined;
  clock: Clock;
  /** Columns left for these fields: the full ARN when it fits, else the part after the account. */
  room: number;
}

/** Account, caller and the time left on the credentials, for the header line. */
export const IdentityFields = memo(function IdentityFields({ identity, credentialsExpiry, clock, room }: IdentityFieldsProps) {
  if (!identity && !credentialsExpiry) return null;
  let caller: string | undefined;
  if (identity) {
    const fixed = `  account ${identity.account}  as `.length + (credentialsExpiry ? 18 : 0);
    caller = fixed + identity.arn.length <= room ? identity.arn : shortArn(identity.arn);
  }
  return (
    <Text>
      {identity ? (
        <Text>
          <Text dimColor>{'  account '}</Text>
          <Text bold>{identity.account}</Text>
          <Text dimColor>{'  as '}</Text>
          <Text bold>{caller}</Text>
        </Text>
      ) : null}
      {credentialsExpiry ? <CredentialsLeft expiresAt={credentialsExpiry} clock={clock} /> : null}
    </Text>
  );
});
