import { Box } from 'ink';
import { memo, type ReactNode } from 'react';
import { SELECTION_LIMIT } from '../../domain/selection.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

export interface HeaderContext {
  profile?: string;
  region?: string;
  endpoint?: string;
}

function Field({ name, value }: { name: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <SafeText>
      <SafeText dimColor>{`  ${name} `}</SafeText>
      <SafeText bold>{value}</SafeText>
    </SafeText>
  );
}

export const Header = memo(function Header({ context, selected, width, identity }: { context: HeaderContext; selected: number; width: number; identity?: ReactNode }) {
  const tint = useTint();
  const full = selected >= SELECTION_LIMIT;
  return (
    <Box width={width} justifyContent="space-between">
      <Box flexShrink={1}>
        <SafeText wrap="truncate-end">
          <SafeText bold color={tint('cyan')}>
            idc-tui
          </SafeText>
          <Field name="profile" value={context.profile} />
          <Field name="region" value={context.region} />
          {identity}
          <Field name="endpoint" value={context.endpoint} />
        </SafeText>
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <SafeText color={tint(full ? 'yellow' : selected > 0 ? 'green' : undefined)} bold={full}>
          {`● ${selected}/${SELECTION_LIMIT}`}
        </SafeText>
      </Box>
    </Box>
  );
});
