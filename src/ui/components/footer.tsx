import { Fragment, memo } from 'react';
import { footerEntries, type KeyScreen } from '../keymap.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

/** The keys of the current screen, straight from the keymap. */
export const Footer = memo(function Footer({ screen }: { screen: KeyScreen }) {
  const tint = useTint();
  if (screen === 'help') return <SafeText dimColor>any key closes the help</SafeText>;
  const entries = footerEntries(screen);
  return (
    <SafeText wrap="truncate-end">
      {entries.map((entry, i) => (
        <Fragment key={entry.text}>
          {i > 0 ? '  ' : ''}
          <SafeText color={tint('cyan')} bold>
            {entry.keys}
          </SafeText>
          <SafeText dimColor>{` ${entry.text}`}</SafeText>
        </Fragment>
      ))}
    </SafeText>
  );
});
