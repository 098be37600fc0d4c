import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { MAX_CLUSTER_IDS } from '../../domain/cluster-ids.js';
import { checkManualText } from '../state/manual-entry-state.js';
import { useTint, type Tint } from '../color-context.js';

export interface ManualEntryProps {
  text: string;
  /** Listing was refused (AccessDenied): say why the field opened. */
  listingDenied: boolean;
  width: number;
  height: number;
}

function wrap(text: string, width: number): string[] {
  const size = Math.max(1, width);
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += size) lines.push(chars.slice(i, i + size).join(''));
  return lines.length > 0 ? lines : [''];
}

function statusLine(text: string, tint: Tint): ReactNode {
  const { ids, problem } = checkManualText(text);
  if (problem) return <Text color={tint('red')} wrap="truncate-end">{problem}</Text>;
  if (ids.length === 0) return <Text dimColor wrap="truncate-end">{`Type or paste 1 to ${MAX_CLUSTER_IDS} cluster IDs.`}</Text>;
  return (
    <Text color={tint('green')} wrap="truncate-end">
      {`${ids.length} ID${ids.length === 1 ? '' : 's'}: ${ids.join(', ')}`}
    </Text>
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
  const lines = wrap(`${text}█`, width - 2);
  const shown = lines.slice(-fieldLines);
  return (
    <Box flexDirection="column" width={width}>
      {chrome >= 3 ? (
        <Text bold color={tint(listingDenied ? 'yellow' : undefined)} wrap="truncate-end">
          {title}
        </Text>
      ) : null}
      {chrome >= 3 ? (
        <Text dimColor wrap="truncate-end">
          {hint}
        </Text>
      ) : null}
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          <Text color={tint('cyan')}>{i === 0 && shown.length === lines.length ? '> ' : '  '}</Text>
          {line}
        </Text>
      ))}
      {chrome >= 1 ? statusLine(text, tint) : null}
    </Box>
  );
});
