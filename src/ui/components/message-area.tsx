import { Box } from 'ink';
import { memo } from 'react';
import type { Clock } from '../clock.js';
import type { Message } from '../state/messages.js';
import { toneColor } from './colors.js';
import { Spinner } from './spinner.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

/** Status, progress and errors under the main view, each line cut to the width. */
export const MessageArea = memo(function MessageArea({ messages, clock }: { messages: readonly Message[]; clock: Clock }) {
  const tint = useTint();
  if (messages.length === 0) return null;
  return (
    <Box flexDirection="column">
      {messages.flatMap((message, m) =>
        message.lines.map((line, i) => (
          <SafeText key={`${m}:${i}`} color={tint(toneColor(message.tone))} wrap="truncate-end">
            {i === 0 && message.busy ? (
              <>
                <Spinner clock={clock} />{' '}
              </>
            ) : null}
            {i === 0 ? line : `  ${line}`}
          </SafeText>
        )),
      )}
    </Box>
  );
});
