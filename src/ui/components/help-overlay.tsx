import { Box } from 'ink';
import { memo } from 'react';
import { helpSections, type HelpSection } from '../keymap.js';
import { useTint } from '../color-context.js';
import { SafeText } from './safe-text.js';

const LABEL_WIDTH = 10;

function sectionHeight(section: HelpSection): number {
  return section.bindings.length + 1;
}

function Section({ section }: { section: HelpSection }) {
  const tint = useTint();
  return (
    <Box flexDirection="column" flexShrink={0}>
      <SafeText bold color={tint('cyan')} wrap="truncate-end">
        {section.title}
      </SafeText>
      {section.bindings.map((b) => (
        <SafeText key={`${b.screen}:${b.action}`} wrap="truncate-end">
          <SafeText bold>{`  ${b.label.padEnd(LABEL_WIDTH)}`}</SafeText>
          {b.help}
        </SafeText>
      ))}
    </Box>
  );
}

/**
 * Packs the sections into few columns that keep each within the height: each section goes into
 * the first column with room for it (a section taller than the screen gets a column of its own
 * and is cut).
 */
function pack(sections: HelpSection[], height: number): HelpSection[][] {
  const columns: HelpSection[][] = [];
  const used: number[] = [];
  for (const section of sections) {
    const h = sectionHeight(section);
    const i = used.findIndex((u) => u + h <= height);
    if (i === -1) {
      columns.push([section]);
      used.push(h);
    } else {
      (columns[i] as HelpSection[]).push(section);
      used[i] = (used[i] as number) + h;
    }
  }
  return columns.length > 0 ? columns : [[]];
}

/** Narrower columns would cut the help texts. */
const MIN_COLUMN_WIDTH = 46;
/** Left out first when the screen is too small for every section: the keys of the small sub-screens. */
const DROP_FIRST = ['Profile / region picker (after P, R)', 'Copy as… (after C)', 'Cluster IDs by hand (after i)', 'Filter (after /)'];

/** As many columns as the width allows; when that is not enough, the sub-screens' sections go first. */
function columnsFor(sections: HelpSection[], height: number, width: number): HelpSection[][] {
  const most = Math.max(1, Math.floor(width / MIN_COLUMN_WIDTH));
  let kept = sections;
  for (const title of DROP_FIRST) {
    const columns = pack(kept, height);
    if (columns.length <= most) return columns;
    kept = kept.filter((s) => s.title !== title);
  }
  return pack(kept, height).slice(0, most);
}

/** Every key of the keymap, generated from the same table as the footer. */
export const HelpOverlay = memo(function HelpOverlay({ width, height, note }: { width: number; height: number; note?: string }) {
  const tint = useTint();
  const keysHeight = note ? Math.max(1, height - 1) : height;
  const columns = columnsFor(helpSections(), keysHeight, width);
  const columnWidth = Math.floor(width / columns.length);
  const keys = (
    <Box height={keysHeight} overflow="hidden">
      {columns.map((sections, i) => (
        <Box key={i} flexDirection="column" width={columnWidth}>
          {sections.map((section) => (
            <Section key={section.title} section={section} />
          ))}
        </Box>
      ))}
    </Box>
  );
  if (!note) return keys;
  return (
    <Box flexDirection="column" height={height}>
      {keys}
      <SafeText wrap="truncate-end" color={tint('cyan')}>
        {note}
      </SafeText>
    </Box>
  );
});
