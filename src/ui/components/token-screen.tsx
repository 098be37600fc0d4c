import { Box } from 'ink';
import { memo, type ReactNode } from 'react';
import type { AuthToken } from '../../domain/cluster.js';
import { formatLocal, formatUtc } from '../../domain/expiry.js';
import { maskToken } from '../../domain/mask.js';
import { chunkText, terminalText } from '../../domain/terminal-text.js';
import { assessTokenTiming } from '../../domain/token-timing.js';
import type { Clock } from '../clock.js';
import { Countdown } from './countdown.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

const LABEL_WIDTH = 11;
const FIXED_LINES = 4;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Box width={LABEL_WIDTH} flexShrink={0}>
        <SafeText dimColor>{label}</SafeText>
      </Box>
      <Box flexShrink={1}>{children}</Box>
    </Box>
  );
}

/** The revealed token in full-width lines, as many as fit. */
function RevealedToken({ token, width, height }: { token: string; width: number; height: number }) {
  const tint = useTint();
  const lines = chunkText(terminalText(token), width);
  const fits = lines.length <= height;
  const shown = fits ? lines : lines.slice(0, Math.max(0, height - 1));
  return (
    <Box flexDirection="column">
      {shown.map((line, i) => (
        <SafeText key={i}>{line}</SafeText>
      ))}
      {fits ? null : (
        <SafeText color={tint('yellow')} wrap="truncate-end">{`… ${lines.length - shown.length} more lines: c copies the whole token`}</SafeText>
      )}
    </Box>
  );
}

export interface TokenScreenProps {
  token: AuthToken;
  clusterIds: readonly string[];
  revealed: boolean;
  clock: Clock;
  width: number;
  height: number;
  /** Local time the token arrived; with the SDK's clock offset it decides what the countdown may show. */
  receivedAt?: number | null;
  /** The Clipboard row: what happens to what was copied, with the clear countdown. */
  clipboardRow?: ReactNode;
  /** The Refresh row: auto-refresh status, when it is on. */
  refreshRow?: ReactNode;
  /** Shown under the rows instead of the revealed token (the copy-as menu). */
  below?: ReactNode;
  /** Where Enter sends the token, when stdout is a pipe. */
  outputHint?: string;
}

export const TokenScreen = memo(function TokenScreen({ token, clusterIds, revealed, clock, width, height, receivedAt, clipboardRow, refreshRow, below, outputHint }: TokenScreenProps) {
  const tint = useTint();
  const count = clusterIds.length;
  const timing = assessTokenTiming({ expiresAt: token.expiresAt, receivedAt: receivedAt ?? clock.now(), clockOffsetMs: token.clockOffsetMs });
  return (
    <Box flexDirection="column" width={width}>
      <Row label={count === 1 ? 'Cluster' : `${count} clusters`}>
        <SafeText bold wrap="truncate-end">
          {clusterIds.join(', ')}
        </SafeText>
      </Row>
      <Row label="Expires">
        <SafeText wrap="truncate-end">
          {formatLocal(token.expiresAt)}
          <SafeText dimColor> local · </SafeText>
          {formatUtc(token.expiresAt)}
        </SafeText>
      </Row>
      <Row label="Remaining">
        {timing.problem?.kind === 'too-far-ahead' ? (
          <SafeText color={tint('yellow')} wrap="truncate-end">
            unknown: ExpirationTime and this computer's clock disagree
          </SafeText>
        ) : (
          <Countdown expiresAt={timing.localExpiresAt} clock={clock} />
        )}
      </Row>
      <Row label="Token">
        {revealed ? (
          <SafeText color={tint('yellow')} wrap="truncate-end">{`revealed below, ${token.token.length} chars · v hides it`}</SafeText>
        ) : (
          <SafeText wrap="truncate-end">
            {maskToken(token.token)}
            <SafeText dimColor> · v reveals</SafeText>
          </SafeText>
        )}
      </Row>
      {clipboardRow ? <Row label="Clipboard">{clipboardRow}</Row> : null}
      {refreshRow ? <Row label="Refresh">{refreshRow}</Row> : null}
      {outputHint ? (
        <Row label="Output">
          <SafeText color={tint('cyan')} wrap="truncate-end">{outputHint}</SafeText>
        </Row>
      ) : null}
      {below}
      {revealed ? <RevealedToken token={token.token} width={width} height={height - FIXED_LINES - (clipboardRow ? 1 : 0) - (refreshRow ? 1 : 0) - (outputHint ? 1 : 0)} /> : null}
    </Box>
  );
});
