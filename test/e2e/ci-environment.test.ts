import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot } from './built-binary.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/**
 * Variables that libraries read to guess what the terminal can do: CI makes Ink hold every frame
 * until exit, CI and FORCE_COLOR=0 make chalk drop all styles, the cursor row's inverse with them.
 * In a terminal the app draws, and the cursor row is marked, whatever they say.
 */
let session: TmuxSession | undefined;
beforeAll(() => assertBuilt());
afterEach(() => {
  session?.kill();
  session = undefined;
});

const INVERSE = /\x1b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m/u;
// SGR parameters that set a foreground or background colour
const COLOUR = /\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])(?:;[0-9;]*)?m/u;

function rowOf(screen: string, text: string): string {
  return screen.split('\n').find((line) => line.includes(text)) ?? '';
}

describe.each<{ name: string; env: Record<string, string>; colour: boolean }>([
  { name: 'CI=true', env: { CI: 'true' }, colour: true },
  { name: 'CONTINUOUS_INTEGRATION=1 and FORCE_COLOR=0', env: { CONTINUOUS_INTEGRATION: '1', FORCE_COLOR: '0' }, colour: false },
  { name: 'NO_COLOR=1', env: { NO_COLOR: '1' }, colour: false },
])('the built binary in a terminal with $name', ({ env, colour }) => {
  it('draws the list at once, marks the cursor row, and colours only when allowed', async () => {
    session = TmuxSession.start(`node ${shellQuote(binPath)} --demo`, { columns: 120, rows: 30, cwd: repoRoot, env });
    await session.waitFor(/36 clusters/);
    const styled = session.screen({ styles: true });
    expect(rowOf(styled, 'analytics-prod ')).toMatch(INVERSE);
    expect(rowOf(styled, 'analytics-staging ')).not.toMatch(INVERSE);
    if (colour) expect(styled).toMatch(COLOUR);
    else expect(styled).not.toMatch(COLOUR);

    session.send('Down');
    await session.waitFor(() => INVERSE.test(rowOf(session!.screen({ styles: true }), 'analytics-staging ')));
    session.send('q');
    expect(await session.exitStatus()).toBe(0);
  });
});
