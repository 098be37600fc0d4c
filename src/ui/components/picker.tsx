import { Box, Text } from 'ink';
import { memo } from 'react';
import { listWindow } from '../../domain/list-window.js';
import { visibleItems, type PickerState } from '../state/workspace-state.js';
import { useTint } from '../color-context.js';

const TITLES = { profile: 'Profile', region: 'Region' } as const;

/** The profile or region picker: a title, the filter line and the entries that fit in height. */
export const Picker = memo(function Picker({ picker, width, height }: { picker: PickerState; width: number; height: number }) {
  const tint = useTint();
  const items = visibleItems(picker);
  const rows = Math.max(1, height - 2);
  const window = listWindow(picker.offset, picker.cursor, rows, items.length);
  const shown = items.slice(window.start, window.end);
  const total = picker.items?.length ?? 0;
  const count = picker.filter ? `${items.length} of ${total}` : `${total}`;
  const labelWidth = Math.min(40, Math.max(8, ...shown.map((i) => i.label.length)));
  let body;
  if (picker.items === null) body = <Text dimColor>{`  Loading ${picker.kind}s…`}</Text>;
  else if (picker.error) body = <Text color={tint('red')} wrap="truncate-end">{`  Could not read the ${picker.kind}s: ${picker.error}`}</Text>;
  else if (shown.length === 0) body = <Text dimColor>{total === 0 ? `  No ${picker.kind}s found.` : `  No ${picker.kind}s match “${picker.filter}”.`}</Text>;
  else
    body = shown.map((item, i) => {
      const highlighted = window.start + i === window.cursor;
      return (
        <Text key={item.value} inverse={highlighted} wrap="truncate-end">
          <Text color={tint(item.current ? 'green' : 'gray')}>{item.current ? '● ' : '  '}</Text>
          <Text bold={item.current}>{item.label.padEnd(labelWidth)}</Text>
          {item.detail ? <Text dimColor={!highlighted}>{`  ${item.detail}`}</Text> : null}
        </Text>
      );
    });
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate-end">
        <Text bold color={tint('cyan')}>{`Switch ${TITLES[picker.kind].toLowerCase()}`}</Text>
        <Text dimColor>{'  type to filter · Enter switches · Esc closes'}</Text>
      </Text>
      <Box width={width} justifyContent="space-between">
        <Box flexShrink={1}>
          <Text wrap="truncate-start">
            <Text color={tint('cyan')} bold>
              {'/ '}
            </Text>
            {picker.filter}
            <Text inverse> </Text>
          </Text>
        </Box>
        <Box flexShrink={0} marginLeft={1}>
          <Text dimColor>{`${count} ${picker.kind}s`}</Text>
        </Box>
      </Box>
      <Box flexDirection="column" height={rows} overflow="hidden">
        {body}
      </Box>
    </Box>
  );
});
