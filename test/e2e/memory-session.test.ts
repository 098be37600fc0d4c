import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, binPath, repoRoot, spawnEmulator, type SpawnedEmulator } from './built-binary.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

let session: TmuxSession | undefined;
let emulator: SpawnedEmulator;
let home: string;

beforeAll(async () => {
  assertBuilt();
  emulator = await spawnEmulator();
  home = mkdtempSync(join(tmpdir(), 'idc-e2e-home-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(
    join(home, '.aws', 'config'),
    `[profile work]\nregion = us-east-1\nendpoint_url = ${emulator.url}\naws_access_key_id = AKIDWORK\naws_secret_access_key = work-secret\n`,
  );
});
afterEach(() => {
  session?.kill();
  session = undefined;
});
afterAll(async () => {
  await emulator?.stop();
  rmSync(home, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});

function env(xdg: string): Record<string, string> {
  return {
    HOME: home,
    XDG_CONFIG_HOME: xdg,
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

function launch(args: string, xdg: string): TmuxSession {
  return TmuxSession.start(`env -u AWS_PROFILE -u AWS_REGION -u AWS_DEFAULT_REGION -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY node ${shellQuote(binPath)} ${args}`, {
    columns: 120,
    rows: 32,
    cwd: repoRoot,
    env: env(xdg),
  });
}

describe('memory across launches of the built binary (tmux, temp XDG_CONFIG_HOME)', () => {
  it('remembers the selection and profile/region (IDs only, mode 0600) and preselects them next time', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'idc-e2e-xdg-'));
    try {
      session = launch('--profile work', xdg);
      let screen = await session.waitFor(/sort recent · 36 clusters/);
      expect(screen).toContain('profile work');
      expect(screen).toMatch(/^○ analytics-dev\s/m);
      session.send(['Down', 'Space', 'Down', 'Space']);
      await session.waitFor('2/20');
      session.send('q');
      expect(await session.exitStatus()).toBe(0);
      session.kill();

      const file = join(xdg, 'idc-tui', 'state.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(xdg, 'idc-tui')).mode & 0o777).toBe(0o700);
      const text = readFileSync(file, 'utf8');
      const saved = JSON.parse(text) as { last: unknown; targets: Record<string, { selection: string[]; recent: string[] }> };
      expect(saved.last).toEqual({ profile: 'work', region: 'us-east-1' });
      expect(saved.targets).toEqual({ 'work|us-east-1': { selection: ['analytics-prod', 'analytics-staging'], recent: [] } });
      expect(text).not.toMatch(/secret|AKID|token/i);

      // no flags: the remembered profile, region and selection
      session = launch('', xdg);
      screen = await session.waitFor(/sort recent · 36 clusters/);
      expect(screen).toContain('profile work');
      expect(screen).toContain('region us-east-1');
      expect(screen).toContain('2/20');
      expect(screen).toMatch(/^● analytics-prod\s/m);
      expect(screen).toMatch(/^● analytics-staging\s/m);
      session.send('Enter');
      await session.waitFor(/Remaining\s+\d+:\d\d/);
      session.send('q');
      expect(await session.exitStatus()).toBe(0);
      const after = JSON.parse(readFileSync(file, 'utf8')) as typeof saved;
      expect(after.targets['work|us-east-1']?.recent).toEqual(['analytics-prod', 'analytics-staging']);
      expect(readFileSync(file, 'utf8')).not.toMatch(/token|secret/i);
    } finally {
      rmSync(xdg, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    }
  }, 60_000);

  it('--no-remember reads nothing and writes nothing', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'idc-e2e-xdg-'));
    try {
      session = launch('--profile work --no-remember', xdg);
      await session.waitFor(/36 clusters/);
      session.send(['Space', 'Down', 'Space']);
      await session.waitFor('2/20');
      session.send('q');
      expect(await session.exitStatus()).toBe(0);
      expect(existsSync(join(xdg, 'idc-tui'))).toBe(false);
    } finally {
      rmSync(xdg, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    }
  }, 30_000);
});
