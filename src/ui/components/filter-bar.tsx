import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Clock } from '../clock.js';
import { Spinner } from './spinner.js';
import { useTint } from '../color-context.js';

export interface FilterBarProps {
  text: string;
  editing: boolean;
  matching: number;
  total: number;
  loading: boolean;
  clock: Clock;
  width: number;
  /** The sort order, shown before the count. */
  sortLabel?: string;
}

function FilterText({ text, editing }: { text: string; editing: boolean }) {
  const tint = useTint();
  if (editing) {
    return (
      <Text wrap="truncate-start">
        <Text color={tint('cyan')} bold>
          {'/ '}
        </Text>
        {text}
        <Text inverse> </Text>
      </Text>
    );
  }
  if (text) {
    return (
      <Text wrap="truncate-end">
        <Text dimColor>filter </Text>
        <Text color={tint('cyan')}>{text}</Text>
        <Text dimColor> (/ edits, Esc clears)</Text>
      </Text>
    );
  }
  return <Text dimColor>/ to filter</Text>;
}

/** The line under the table: the filter on the left, counts and load progress on the right. */
export const FilterBar = memo(function FilterBar({ text, editing, matching, total, loading, clock, width, sortLabel }: FilterBarProps) {
  const sorted = sortLabel ? `sort ${sortLabel} · ` : '';
  const count = `${sorted}${text ? `${matching} of ${total} match` : `${total} cluster${total === 1 ? '' : 's'}`}`;
  return (
    <Box width={width} justifyContent="space-between">
      <Box flexShrink={1}>
        <FilterText text={text} editing={editing} />
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        {loading ? (
          <Text>
            <Spinner clock={clock} />
            <Text dimColor>{` loading… ${total} clusters`}</Text>
            {text ? <Text dimColor>{` · ${matching} match`}</Text> : null}
          </Text>
        ) : (
          <Text dimColor>{count}</Text>
        )}
      </Box>
    </Box>
  );
});
