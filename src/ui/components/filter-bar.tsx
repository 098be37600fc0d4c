import { Box } from 'ink';
import { memo } from 'react';
import type { Clock } from '../clock.js';
import { Spinner } from './spinner.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

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
      <SafeText wrap="truncate-start">
        <SafeText color={tint('cyan')} bold>
          {'/ '}
        </SafeText>
        {text}
        <SafeText inverse> </SafeText>
      </SafeText>
    );
  }
  if (text) {
    return (
      <SafeText wrap="truncate-end">
        <SafeText dimColor>filter </SafeText>
        <SafeText color={tint('cyan')}>{text}</SafeText>
        <SafeText dimColor> (/ edits, Esc clears)</SafeText>
      </SafeText>
    );
  }
  return <SafeText dimColor>/ to filter</SafeText>;
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
          <SafeText>
            <Spinner clock={clock} />
            <SafeText dimColor>{` loading… ${total} clusters`}</SafeText>
            {text ? <SafeText dimColor>{` · ${matching} match`}</SafeText> : null}
          </SafeText>
        ) : (
          <SafeText dimColor>{count}</SafeText>
        )}
      </Box>
    </Box>
  );
});
