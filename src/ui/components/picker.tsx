import { Box } from 'ink';
import { memo } from 'react';
import { listWindow } from '../../domain/list-window.js';
import { visibleItems, type PickerState } from '../state/workspace-state.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

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
  if (picker.items === null) body = <SafeText dimColor>{`  Loading ${picker.kind}s…`}</SafeText>;
  else if (picker.error) body = <SafeText color={tint('red')} wrap="truncate-end">{`  Could not read the ${picker.kind}s: ${picker.error}`}</SafeText>;
  else if (shown.length === 0) body = <SafeText dimColor>{total === 0 ? `  No ${picker.kind}s found.` : `  No ${picker.kind}s match “${picker.filter}”.`}</SafeText>;
  else
    body = shown.map((item, i) => {
      const highlighted = window.start + i === window.cursor;
      return (
        <SafeText key={item.value} inverse={highlighted} wrap="truncate-end">
          <SafeText color={tint(item.current ? 'green' : 'gray')}>{item.current ? '● ' : '  '}</SafeText>
          <SafeText bold={item.current}>{item.label.padEnd(labelWidth)}</SafeText>
          {item.detail ? <SafeText dimColor={!highlighted}>{`  ${item.detail}`}</SafeText> : null}
        </SafeText>
      );
    });
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <SafeText wrap="truncate-end">
        <SafeText bold color={tint('cyan')}>{`Switch ${TITLES[picker.kind].toLowerCase()}`}</SafeText>
        <SafeText dimColor>{'  type to filter · Enter switches · Esc closes'}</SafeText>
      </SafeText>
      <Box width={width} justifyContent="space-between">
        <Box flexShrink={1}>
          <SafeText wrap="truncate-start">
            <SafeText color={tint('cyan')} bold>
              {'/ '}
            </SafeText>
            {picker.filter}
            <SafeText inverse> </SafeText>
          </SafeText>
        </Box>
        <Box flexShrink={0} marginLeft={1}>
          <SafeText dimColor>{`${count} ${picker.kind}s`}</SafeText>
        </Box>
      </Box>
      <Box flexDirection="column" height={rows} overflow="hidden">
        {body}
      </Box>
    </Box>
  );
});
