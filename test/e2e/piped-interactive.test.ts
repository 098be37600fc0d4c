import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot } from './built-binary.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

let session: TmuxSession | undefined;
let dir: string;
beforeAll(() => assertBuilt());
afterEach(() => {
  session?.kill();
  session = undefined;
  rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});

const app = `node ${shellQuote(binPath)} --demo --clipboard off`;

async function pickFirstClusterAndConfirm(s: TmuxSession): Promise<void> {
  await s.waitFor(/36 clusters/);
  s.send('Enter');
  const screen = await s.waitFor(/Remaining\s+\d+:\d\d/);
  expect(screen).toContain('Enter prints the token to stdout');
  s.send('Enter');
}

describe('interactive with a result: the TUI on /dev/tty, the token on stdout', () => {
  it('idc-tui | … receives the picked token as JSON like the scripted mode prints it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'idc-piped-'));
    const out = join(dir, 'out.json');
    session = TmuxSession.start(`${app} | cat > ${shellQuote(out)}`, { cwd: repoRoot });
    await pickFirstClusterAndConfirm(session);
    await session.exitStatus();
    const printed = readFileSync(out, 'utf8');
    const result = JSON.parse(printed) as { Token: string; ExpirationTime: string };
    expect(Object.keys(result)).toEqual(['Token', 'ExpirationTime']);
    expect(result.Token).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(result.Token.length).toBeGreaterThan(1000);
    expect(result.ExpirationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(printed).toMatch(/^\{\n {4}"Token": /);
  });

  it('TOKEN=$(idc-tui --query Token --output text) gets the bare token and exit code 0', async () => {
    dir = mkdtempSync(join(tmpdir(), 'idc-piped-'));
    const out = join(dir, 'token.txt');
    session = TmuxSession.start(`${app} --query Token --output text > ${shellQuote(out)}`, { cwd: repoRoot });
    await pickFirstClusterAndConfirm(session);
    expect(await session.exitStatus()).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^[A-Za-z0-9+/]{1000,}=*\n$/);
  });

  it('cancelling prints nothing and exits non-zero', async () => {
    dir = mkdtempSync(join(tmpdir(), 'idc-piped-'));
    const out = join(dir, 'nothing.txt');
    session = TmuxSession.start(`${app} > ${shellQuote(out)}`, { cwd: repoRoot });
    await session.waitFor(/36 clusters/);
    session.send('q');
    expect(await session.exitStatus()).toBe(130);
    expect(readFileSync(out, 'utf8')).toBe('');
  });
});
