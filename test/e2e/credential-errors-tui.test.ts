import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot, spawnEmulator, type SpawnedEmulator } from './built-binary.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/** The built TUI with a profile whose credential_process fails, in tmux. */
let session: TmuxSession | undefined;
let emulator: SpawnedEmulator | undefined;
let home: string | undefined;

beforeAll(() => assertBuilt());
afterEach(async () => {
  session?.kill();
  session = undefined;
  await emulator?.stop();
  emulator = undefined;
  if (home) rmSync(home, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  home = undefined;
});

describe('credential errors in a real terminal', () => {
  it("a failing credential_process: its stderr and exit status on screen, and the app keeps running", async () => {
    home = mkdtempSync(join(tmpdir(), 'idc-creds-home-'));
    mkdirSync(join(home, '.aws'));
    const config = join(home, '.aws', 'config');
    writeFileSync(config, `[profile work]\nregion = us-east-1\ncredential_process = sh -c "echo 'corp-login: session expired' >&2; exit 3"\n`);
    emulator = await spawnEmulator([]);
    session = TmuxSession.start(`node ${shellQuote(binPath)} --profile work --endpoint-url ${shellQuote(emulator.url)}`, {
      columns: 160,
      rows: 30,
      cwd: repoRoot,
      env: {
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_CACHE_HOME: join(home, '.cache'),
        XDG_STATE_HOME: join(home, '.state'),
        AWS_CONFIG_FILE: config,
        AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ENDPOINT_URL_STS: emulator.url,
      },
    });
    const screen = await session.waitFor('corp-login: session expired');
    expect(screen).toMatch(/credential_process of profile work failed \(exit status 3\): corp-login: session expired/u);
    expect(screen).not.toMatch(/No AWS credentials found/u);
    session.send('C-c');
    expect(await session.exitStatus()).toBe(130);
  });
});
