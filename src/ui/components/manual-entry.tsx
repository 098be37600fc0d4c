import { Box } from 'ink';
import { memo, type ReactNode } from 'react';
import { MAX_CLUSTER_IDS } from '../../domain/cluster-ids.js';
import { chunkText, terminalText } from '../../domain/terminal-text.js';
import { checkManualText } from '../state/manual-entry-state.js';
import { useTint, type Tint } from '../color-context.js';
import { SafeText } from './safe-text.js';

export interface ManualEntryProps {
  text: string;
  /** Listing was refused (AccessDenied): say why the field opened. */
  listingDenied: boolean;
  width: number;
  height: number;
}

function statusLine(text: string, tint: Tint): ReactNode {
  const { ids, problem } = checkManualText(text);
  if (problem) return <SafeText color={tint('red')} wrap="truncate-end">{problem}</SafeText>;
  if (ids.length === 0) return <SafeText dimColor wrap="truncate-end">{`Type or paste 1 to ${MAX_CLUSTER_IDS} cluster IDs.`}</SafeText>;
  return (
    <SafeText color={tint('green')} wrap="truncate-end">
      {`${ids.length} ID${ids.length === 1 ? '' : 's'}: ${ids.join(', ')}`}
    </SafeText>
  );
}

/** The cluster-ID field: what was typed (its last lines, as many as fit), then the live check. */
export const ManualEntry = memo(function ManualEntry({ text, listingDenied, width, height }: ManualEntryProps) {
  const tint = useTint();
  const title = listingDenied
    ? 'Listing clusters is denied for these credentials: type or paste the cluster IDs.'
    : 'Type or paste cluster IDs.';
  const hint = 'Separate them with commas, spaces or new lines; Enter gets the token.';
  const chrome = height >= 5 ? 3 : height >= 3 ? 1 : 0;
  const fieldLines = Math.max(1, height - chrome);
  const lines = chunkText(`${terminalText(text)}█`, width - 2);
  const shown = lines.slice(-fieldLines);
  return (
    <Box flexDirection="column" width={width}>
      {chrome >= 3 ? (
        <SafeText bold color={tint(listingDenied ? 'yellow' : undefined)} wrap="truncate-end">
          {title}
        </SafeText>
      ) : null}
      {chrome >= 3 ? (
        <SafeText dimColor wrap="truncate-end">
          {hint}
        </SafeText>
      ) : null}
      {shown.map((line, i) => (
        <SafeText key={i} wrap="truncate-end">
          <SafeText color={tint('cyan')}>{i === 0 && shown.length === lines.length ? '> ' : '  '}</SafeText>
          {line}
        </SafeText>
      ))}
      {chrome >= 1 ? statusLine(text, tint) : null}
    </Box>
  );
});
