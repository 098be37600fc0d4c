import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { pasteInto } from '../../src/ui/text-fields.js';
import type { KeyCommands, KeySnapshot } from '../../src/ui/key-dispatch.js';
import { createAppState, type AppAction } from '../../src/ui/state/app-state.js';
import { FakeApi, makeClusters, makeToken } from './fakes.js';
import { KEYS, renderApp } from './render-app.js';
import { waitForFrame, waitForText, waitUntil } from './wait-for-frame.js';

afterEach(() => cleanup());

/** What a terminal in bracketed-paste mode sends when the user pastes `text`. */
const bracketed = (text: string): string => `\u001B[200~${text}\u001B[201~`;
const TOKEN = `eyJraWQiOiJ${'x'.repeat(600)}MIDDLE${'y'.repeat(200)}END1`;

async function listed(count = 5) {
  const r = renderApp({ api: new FakeApi([makeClusters(count)]) });
  await waitForText(r.lastFrame, 'cluster-01');
  return r;
}

async function onTokenScreen() {
  const r = await listed();
  r.stdin.write(KEYS.enter);
  await waitUntil(() => r.api.tokenCalls.length === 1, 'the token request');
  r.api.lastTokenCall().reply.resolve(makeToken(TOKEN, new Date(r.clock.now() + 3600_000)));
  await waitForText(r.lastFrame, 'Remaining');
  return r;
}

describe('a bracketed paste is never read as key presses', () => {
  it('on the token screen, pasting "overview" neither reveals the token nor asks for a new one', async () => {
    const r = await onTokenScreen();
    r.stdin.write(bracketed('overview'));
    const frame = await waitForText(r.lastFrame, 'Pasted text ignored');
    expect(frame).toContain('v reveals');
    expect(r.frames.some((f) => f.includes('MIDDLE'))).toBe(false);
    expect(r.api.tokenCalls).toHaveLength(1);
    // keys still work afterwards
    r.stdin.write('v');
    await waitForText(r.lastFrame, 'v hides it');
  });

  it('on the list, a paste moves, selects and quits nothing', async () => {
    const r = await listed();
    r.stdin.write(bracketed('jj aq\r'));
    const frame = await waitForText(r.lastFrame, 'Pasted text ignored');
    expect(frame).toContain('0/20');
    expect(r.outcomes).toEqual([]);
    expect(r.api.tokenCalls).toEqual([]);
    // the cursor has not moved: Space selects the first row
    r.stdin.write(KEYS.space);
    expect(await waitForText(r.lastFrame, '1/20')).toContain('● cluster-01');
  });

  it('in the filter a paste is one edit: its line break is text, not Enter', async () => {
    const r = await listed(12);
    r.stdin.write('/');
    await waitForText(r.lastFrame, 'Enter keep');
    r.stdin.write(bracketed('cluster-1\r'));
    const frame = await waitForFrame(r.lastFrame, (f) => f.includes('cluster-10') && !f.includes('cluster-09'));
    // still editing: the pasted CR did not keep the filter
    expect(frame).toContain('Enter keep');
    r.stdin.write('2');
    await waitForFrame(r.lastFrame, (f) => f.includes('cluster-12') && !f.includes('cluster-10'));
  });

  it('a paste that arrives in pieces is still one edit; Ctrl-C inside a paste that never ends still quits', async () => {
    const r = await listed(12);
    r.stdin.write('/');
    await waitForText(r.lastFrame, 'Enter keep');
    r.stdin.write('\u001B[200~clus');
    r.stdin.write('ter-1');
    r.stdin.write('1\u001B[201~');
    const frame = await waitForFrame(r.lastFrame, (f) => f.includes('cluster-11') && !f.includes('cluster-10'));
    expect(frame).toContain('/ cluster-11');
    expect(frame).not.toContain('200~');
    r.stdin.write('\u001B[200~more text');
    r.stdin.write(KEYS.ctrlC);
    await waitUntil(() => r.outcomes.length === 1, 'the app to finish');
    expect(r.outcomes).toEqual([{ kind: 'cancel' }]);
  });

  it('in the i field pasted IDs are typed, and the line breaks in them do not submit', async () => {
    const r = await listed();
    r.stdin.write('i');
    await waitForText(r.lastFrame, 'Type or paste cluster IDs');
    r.stdin.write(bracketed('alpha-1\rbeta-2\r'));
    await waitForText(r.lastFrame, '2 IDs: alpha-1, beta-2');
    expect(r.api.tokenCalls).toEqual([]);
  });

  it('a 200 KB paste into the filter is cut to the filter limit, with a notice, and the app answers keys at once', async () => {
    const r = await listed(12);
    r.stdin.write('/');
    await waitForText(r.lastFrame, 'Enter keep');
    r.stdin.write(bracketed('z'.repeat(200_000)));
    await waitForText(r.lastFrame, 'Pasted text cut to 256 characters');
    r.stdin.write(KEYS.escape);
    await waitForText(r.lastFrame, 'cluster-12');
  });
});

describe('a long unbracketed chunk in a text field', () => {
  it('is typed in one edit per run of text: 200 KB into the filter is cut to the limit, Enter still keeps it', async () => {
    const r = await listed(12);
    r.stdin.write('/');
    await waitForText(r.lastFrame, 'Enter keep');
    r.stdin.write(`cluster-1${'2'.repeat(200_000)}\r`);
    const frame = await waitForFrame(r.lastFrame, (f) => !f.includes('Enter keep'));
    expect(frame).toContain('0 of 12');
  });
});

describe('pasteInto', () => {
  const snapshot = (app = createAppState()): KeySnapshot => ({ app, visible: [], tableHeight: 10, token: { status: 'idle', clusterIds: [] } as unknown as KeySnapshot['token'] });
  const commands = (actions: AppAction[]): KeyCommands =>
    ({ dispatch: (a: AppAction) => actions.push(a) }) as unknown as KeyCommands;

  it('types into an open picker as one pickerType edit', () => {
    const app = createAppState();
    const withPicker = { ...app, workspace: { ...app.workspace, picker: { kind: 'profile' as const, items: [], error: null, filter: '', cursor: 0, offset: 0 } } };
    const actions: AppAction[] = [];
    pasteInto(snapshot(withPicker), commands(actions), { kind: 'pasted', text: 'prod\nanalytics', cut: false });
    expect(actions).toEqual([{ type: 'workspace', action: { type: 'pickerType', text: 'prod\nanalytics' } }]);
  });
});

describe('a paste the terminal did not mark', () => {
  it('too long to be typed, it is not read as keys on the list either (200 KB of "a" would select all 200,000 times)', async () => {
    const r = await listed(12);
    r.stdin.write(`jj a${'a'.repeat(200_000)}`);
    const frame = await waitForText(r.lastFrame, 'Pasted text ignored');
    expect(frame).toContain('0/20');
  });

  it('a few characters at once are still keys (key repeat, typing ahead)', async () => {
    const r = await listed(12);
    r.stdin.write('jj ');
    expect(await waitForText(r.lastFrame, '1/20')).toContain('● cluster-03');
  });
});

describe('Ctrl-Z', () => {
  it('asks the lifecycle root to suspend, on any screen, the i field included; the frame is drawn again on resume', async () => {
    const suspended: string[] = [];
    let resume: () => void = () => {};
    const terminal = {
      suspend: () => suspended.push('suspend'),
      onResume: (listener: () => void) => {
        resume = listener;
        return () => {};
      },
    };
    const r = renderApp({ api: new FakeApi([makeClusters(3)]), props: { terminal } });
    await waitForText(r.lastFrame, 'cluster-01');
    r.stdin.write('\u001A');
    await waitUntil(() => suspended.length === 1, 'a suspend');
    r.stdin.write('i');
    await waitForText(r.lastFrame, 'Type or paste cluster IDs');
    r.stdin.write('\u001A');
    await waitUntil(() => suspended.length === 2, 'a suspend from the i field');
    expect(r.lastFrame()).not.toContain('\u001A');
    const frames = r.frames.length;
    resume();
    await waitUntil(() => r.frames.length > frames, 'a redraw');
  });

  it('where there is no job control it says so', async () => {
    const r = await listed();
    r.stdin.write('\u001A');
    await waitForText(r.lastFrame, 'Suspending (Ctrl-Z) is not available here.');
  });
});
