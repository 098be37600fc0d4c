import { Box, Text } from 'ink';
import { memo } from 'react';
import { helpSections, type HelpSection } from '../keymap.js';

const LABEL_WIDTH = 10;

function sectionHeight(section: HelpSection): number {
  return section.bindings.length + 1;
}

function Section({ section }: { section: HelpSection }) {
  return (
    <Box flexDirection="column">
      <Text bold color="cyan">
        {section.title}
      </Text>
      {section.bindings.map((b) => (
        <Text key={`${b.screen}:${b.action}`} wrap="truncate-end">
          <Text bold>{`  ${b.label.padEnd(LABEL_WIDTH)}`}</Text>
          {b.help}
        </Text>
      ))}
    </Box>
  );
}

/** Splits the sections in two columns when one is too tall for the screen. */
function columnsFor(sections: HelpSection[], height: number): HelpSection[][] {
  const total = sections.reduce((n, s) => n + sectionHeight(s), 0);
  if (total <= height) return [sections];
  let left = 0;
  let split = 0;
  while (split < sections.length && left + sectionHeight(sections[split] as HelpSection) <= total / 2 + 4) {
    left += sectionHeight(sections[split] as HelpSection);
    split += 1;
  }
  return [sections.slice(0, Math.max(1, split)), sections.slice(Math.max(1, split))];
}

/** Every key of the keymap, generated from the same table as the footer. */
export const HelpOverlay = memo(function HelpOverlay({ width, height }: { width: number; height: number }) {
  const columns = columnsFor(helpSections(), height);
  const columnWidth = Math.floor(width / columns.length);
  return (
    <Box height={height} overflow="hidden">
      {columns.map((sections, i) => (
        <Box key={i} flexDirection="column" width={columnWidth}>
          {sections.map((section) => (
            <Section key={section.title} section={section} />
          ))}
        </Box>
      ))}
    </Box>
  );
});
