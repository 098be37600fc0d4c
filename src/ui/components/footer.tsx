import { Text } from 'ink';
import { Fragment, memo } from 'react';
import { footerEntries, type KeyScreen } from '../keymap.js';
import { useTint } from '../color-context.js';

/** The keys of the current screen, straight from the keymap. */
export const Footer = memo(function Footer({ screen }: { screen: KeyScreen }) {
  const tint = useTint();
  if (screen === 'help') return <Text dimColor>any key closes the help</Text>;
  const entries = footerEntries(screen);
  return (
    <Text wrap="truncate-end">
      {entries.map((entry, i) => (
        <Fragment key={entry.text}>
          {i > 0 ? '  ' : ''}
          <Text color={tint('cyan')} bold>
            {entry.keys}
          </Text>
          <Text dimColor>{` ${entry.text}`}</Text>
        </Fragment>
      ))}
    </Text>
  );
});
