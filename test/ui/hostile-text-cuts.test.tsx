import { Box } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { clusterRowText } from '../../src/ui/components/cluster-table.js';
import { DetailBelow, DetailSide } from '../../src/ui/components/detail-pane.js';
import { SafeText, StyledText } from '../../src/ui/components/safe-text.js';
import { layoutColumns } from '../../src/ui/components/table-layout.js';
import { makeCluster } from './fakes.js';

/**
 * A hostile value wider than its box, cut by Ink at the box edge (the detail panes, a row in a
 * narrow box) or by the table (a narrow column): at every width the frame holds no raw control
 * character, and each line shows a prefix of the value with every control character as its
 * one-character picture, never part of a longer escape such as `\x…`.
 */

afterEach(() => cleanup());

/** Anything a terminal acts on, once Ink's SGR codes are taken out; line feeds are the frame's own lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const withoutSgr = (text: string) => text.replace(/\u001b\[[0-9;]*m/gu, '');

const hostile = makeCluster('evil\u001b]52;c;ZXZpbA==\u0007', {
  status: 'available\r\u009b2K',
  availability: 'Available\u202e',
  nodeType: 'ra3\b\b',
  nodes: 2,
  dbName: 'dev\u001b]8;;https://evil.example\u0007x',
  endpoint: { address: 'h\u001b[1A\u202eost.example.com', port: 5439 },
  az: 'us-east-1a\u001b[2J\u007f',
  tags: { 'owner\u2066': 'x\ny\t', 'k\u001b]0;t\u0007': 'v' },
});

/** The same values as the screen must show them: one picture for each control character. */
const SHOWN = {
  id: 'evil␛]52;c;ZXZpbA==␇',
  status: 'available␍�2K',
  availability: 'Available�',
  node: 'ra3␈␈',
  db: 'dev␛]8;;https://evil.example␇x',
  address: 'h␛[1A�ost.example.com',
  az: 'us-east-1a␛[2J␡',
  tags: ['owner�=x␊y␉', 'k␛]0;t␇=v'],
};

/** Text in lines of `size` code points, as the side pane wraps the endpoint address. */
function chunks(text: string, size: number): string[] {
  const points = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < points.length; i += size) out.push(points.slice(i, i + size).join(''));
  return out;
}

/**
 * Each drawn line against the line it would be uncut: the same, or a prefix of it followed by
 * Ink's `…`. Returns how many lines were cut.
 */
function expectPrefixes(drawn: string[], full: string[], where: string): number {
  let cut = 0;
  full.forEach((line, i) => {
    const shown = (drawn[i] ?? '').trimEnd();
    const visible = shown.endsWith('…') ? shown.slice(0, -1) : shown;
    expect(line.startsWith(visible), `${where}, line ${i}: ${JSON.stringify(shown)} is not a prefix of ${JSON.stringify(line)}`).toBe(true);
    if (visible.length < line.trimEnd().length) cut++;
    else expect(shown, `${where}, line ${i}`).toBe(line.trimEnd());
  });
  return cut;
}

function expectNoRawControl(frame: string, where: string): void {
  const found = RAW_CONTROL.exec(frame);
  expect(found, `${where}: raw ${JSON.stringify(found?.[0])} in ${JSON.stringify(frame)}`).toBeNull();
}

describe('a hostile value wider than its box is cut between characters', () => {
  it('Ink measures every picture as one column: all 74 unsafe characters fit a box 74 columns wide', () => {
    const unsafe = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      0x7f,
      ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
    ].map((code) => String.fromCharCode(code));
    const pictures = `${Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x2400 + i)).join('')}\u2421${'\ufffd'.repeat(41)}`;
    const r = render(
      <Box width={unsafe.length}>
        <SafeText wrap="truncate-end">{unsafe.join('')}</SafeText>
      </Box>,
    );
    expect(r.lastFrame()).toBe(pictures);
  });

  it('the side detail pane, at every width from 14 to 46 columns', () => {
    let cuts = 0;
    for (let width = 14; width <= 46; width++) {
      const r = render(<DetailSide cluster={hostile} width={width} height={20} />);
      const frame = withoutSgr(r.lastFrame() ?? '');
      r.unmount();
      expectNoRawControl(frame, `${width} columns`);
      const full = [
        SHOWN.id,
        `Status    ${SHOWN.status} · ${SHOWN.availability}`,
        ...chunks(SHOWN.address, Math.max(8, width - 13)).map((line, i) => `${i === 0 ? 'Endpoint' : ''}`.padEnd(10) + line),
        'Port      5439',
        `Database  ${SHOWN.db}`,
        `AZ        ${SHOWN.az}`,
        `Nodes     2 × ${SHOWN.node}`,
        ...SHOWN.tags.map((tag, i) => `${i === 0 ? 'Tags' : ''}`.padEnd(10) + tag),
      ];
      // each line is the pane's border, a space, then the text
      const drawn = frame.split('\n').map((line) => line.slice(2));
      cuts += expectPrefixes(drawn, full, `${width} columns`);
    }
    expect(cuts).toBeGreaterThan(100);
  });

  it('the detail pane under the table, at widths from 20 to 100 columns', () => {
    let cuts = 0;
    for (let width = 20; width <= 100; width += 3) {
      const r = render(<DetailBelow cluster={hostile} width={width} />);
      const frame = withoutSgr(r.lastFrame() ?? '');
      r.unmount();
      expectNoRawControl(frame, `${width} columns`);
      const full = [
        `── ${SHOWN.id}  ${SHOWN.status} · ${SHOWN.availability}`,
        `Endpoint  ${SHOWN.address}:5439`,
        `Database  ${SHOWN.db}   AZ ${SHOWN.az}   Nodes 2 × ${SHOWN.node}`,
        `Tags      ${SHOWN.tags.join(', ')}`,
      ];
      cuts += expectPrefixes(frame.split('\n'), full, `${width} columns`);
    }
    expect(cuts).toBeGreaterThan(20);
  });

  it('the table sizes columns to what they show: a hostile ID, status and node type fit uncut', () => {
    const widths = layoutColumns([hostile], 200);
    const row = withoutSgr(clusterRowText(hostile, false, false, widths, true));
    expect(row).toContain(`○ ${SHOWN.id} ${SHOWN.status} ${SHOWN.node}×2 dev␛]8;;https:/… ${SHOWN.address}:5439`);
  });

  it('a narrow ID column cuts the ID between characters', () => {
    for (let width = 4; width <= SHOWN.id.length; width++) {
      const row = clusterRowText(hostile, false, false, { id: width, status: 0, node: 0, db: 0, place: 0 }, false);
      expectNoRawControl(row, `${width} columns`);
      const cell = row.slice(2);
      expect(cell).toHaveLength(width);
      expectPrefixes([cell], [SHOWN.id], `ID column ${width} wide`);
    }
  });

  it('a row in a box narrower than itself, cut by Ink', () => {
    // the endpoint column as wide as the endpoint: the row ends with it, no padding to cut
    const widths = { ...layoutColumns([hostile], 200), place: `${SHOWN.address}:5439`.length };
    const row = clusterRowText(hostile, true, true, widths, true);
    const full = withoutSgr(row);
    let cuts = 0;
    for (let width = 3; width <= full.length; width += 2) {
      const r = render(
        <Box width={width}>
          <StyledText inverse wrap="truncate">
            {row}
          </StyledText>
        </Box>,
      );
      const frame = withoutSgr(r.lastFrame() ?? '');
      r.unmount();
      expectNoRawControl(frame, `${width} columns`);
      cuts += expectPrefixes([frame], [full], `${width} columns`);
    }
    expect(cuts).toBeGreaterThan(30);
  });
});
