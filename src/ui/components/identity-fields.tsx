import { memo } from 'react';
import type { CallerIdentity } from '../../aws/workspace-types.js';
import { formatDuration } from '../../domain/token-timing.js';
import type { Clock } from '../clock.js';
import { useNow } from '../hooks/use-now.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

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
      <SafeText>
        <SafeText dimColor>{'  creds '}</SafeText>
        <SafeText color={tint('red')} bold>
          expired
        </SafeText>
      </SafeText>
    );
  }
  return (
    <SafeText>
      <SafeText dimColor>{'  creds '}</SafeText>
      <SafeText color={tint(left < 10 * 60_000 ? 'yellow' : undefined)} bold>{`${formatDuration(left)} left`}</SafeText>
    </SafeText>
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
    <SafeText>
      {identity ? (
        <SafeText>
          <SafeText dimColor>{'  account '}</SafeText>
          <SafeText bold>{identity.account}</SafeText>
          <SafeText dimColor>{'  as '}</SafeText>
          <SafeText bold>{caller}</SafeText>
        </SafeText>
      ) : null}
      {credentialsExpiry ? <CredentialsLeft expiresAt={credentialsExpiry} clock={clock} /> : null}
    </SafeText>
  );
});
