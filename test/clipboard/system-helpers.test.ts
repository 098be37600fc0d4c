import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clipboardHelpers } from '../../src/clipboard/helper-commands.js';
import { helperEnv } from '../../src/clipboard/helper-env.js';
import { systemClipboard } from '../../src/clipboard/system-clipboard.js';
import { tmuxRunner } from '../../src/clipboard/tmux.js';

const SECRETS = {
  AWS_ACCESS_KEY_ID: 'AKIAEXAMPLESECRET1',
  AWS_SECRET_ACCESS_KEY: 'secret-access-key-in-test',
  AWS_SESSION_TOKEN: 'session-token-in-test',
  AWS_PROFILE: 'analytics',
  GITHUB_TOKEN: 'ghp_other_secret_in_test',
};

describe('clipboard helpers get a minimal environment', () => {
  let dir: string;
  const saved: Record<string, string | undefined> = {};
  const set = (name: string, value: string | undefined) => {
    if (!(name in saved)) saved[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idc-helper-env-'));
    for (const name of ['xsel', 'tmux']) {
      const fake = join(dir, name);
      // records its environment and stdin; `--output` answers what was last copied
      writeFileSync(
        fake,
        `#!/bin/sh\nenv > '${dir}/${name}-env'\nif [ "$2" = "--output" ]; then cat '${dir}/copied' 2>/dev/null; else cat > '${dir}/copied'; fi\n`,
      );
      chmodSync(fake, 0o755);
    }
    set('PATH', `${dir}:${process.env['PATH'] ?? ''}`);
    set('DISPLAY', ':99');
    set('WAYLAND_DISPLAY', undefined);
    set('XDG_SESSION_TYPE', undefined);
    set('WSL_DISTRO_NAME', undefined);
    set('WSL_INTEROP', undefined);
    for (const [name, value] of Object.entries(SECRETS)) set(name, value);
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
      delete saved[name];
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(process.platform !== 'linux')('xsel (a fake on PATH that dumps its environment) sees DISPLAY and PATH, never AWS_* or other secrets', async () => {
    const clipboard = systemClipboard();
    await clipboard.copy('the copied text');
    expect(readFileSync(join(dir, 'copied'), 'utf8')).toBe('the copied text');
    const env = readFileSync(join(dir, 'xsel-env'), 'utf8');
    expect(env).toContain('DISPLAY=:99');
    expect(env).toMatch(/^PATH=/mu);
    expect(env).not.toMatch(/^AWS_/mu);
    for (const value of Object.values(SECRETS)) expect(env).not.toContain(value);
    // reading back (to clear only an unchanged clipboard) goes through the same minimal environment
    expect(await clipboard.holds?.('0'.repeat(64), 'system')).toBe(false);
    expect(readFileSync(join(dir, 'xsel-env'), 'utf8')).not.toMatch(/^AWS_/mu);
  });

  it('tmux (buffers, settings) runs with the same minimal environment, TMUX kept', async () => {
    set('TMUX', '/tmp/tmux-0/default,1234,0');
    await tmuxRunner(join(dir, 'tmux'))(['load-buffer', '-b', 'idc-tui', '-'], 'the copied text');
    const env = readFileSync(join(dir, 'tmux-env'), 'utf8');
    expect(env).toContain('TMUX=/tmp/tmux-0/default,1234,0');
    expect(env).not.toMatch(/^AWS_/mu);
    for (const value of Object.values(SECRETS)) expect(env).not.toContain(value);
  });
});

describe('helperEnv', () => {
  it('keeps what clipboard programs need and drops everything else', () => {
    const kept = helperEnv({
      PATH: '/usr/bin',
      HOME: '/home/a',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      DISPLAY: ':0',
      XAUTHORITY: '/home/a/.Xauthority',
      WAYLAND_DISPLAY: 'wayland-0',
      XDG_RUNTIME_DIR: '/run/user/1000',
      TMUX: '/tmp/tmux-1000/default,1,0',
      SystemRoot: 'C:\\Windows',
      Path: 'C:\\Windows',
      ...SECRETS,
      AWS_REGION: 'us-east-1',
      NODE_OPTIONS: '--require evil.js',
      SSH_AUTH_SOCK: '/tmp/agent',
    });
    expect(Object.keys(kept).sort()).toEqual(
      ['DISPLAY', 'HOME', 'LANG', 'LC_ALL', 'PATH', 'Path', 'SystemRoot', 'TMUX', 'WAYLAND_DISPLAY', 'XAUTHORITY', 'XDG_RUNTIME_DIR'].sort(),
    );
  });
});

describe('clipboardHelpers: the programs clipboardy 5 would run, per platform', () => {
  const files = (commands: ReadonlyArray<{ file: string }>) => commands.map((c) => c.file);

  it('X11: xsel, then the xsel clipboardy ships', () => {
    const helpers = clipboardHelpers('linux', { DISPLAY: ':0' }, { xsel: '/pkg/fallbacks/linux/xsel' });
    expect(files(helpers.copy)).toEqual(['xsel', '/pkg/fallbacks/linux/xsel']);
    expect(helpers.copy[0]?.args).toEqual(['--clipboard', '--input']);
    expect(helpers.paste[0]?.args).toEqual(['--clipboard', '--output']);
  });

  it('Wayland: wl-copy (which stays behind serving the clipboard), falling back to xsel', () => {
    const helpers = clipboardHelpers('linux', { WAYLAND_DISPLAY: 'wayland-0' });
    expect(files(helpers.copy)).toEqual(['wl-copy', 'xsel']);
    expect(helpers.copy[0]?.lingers).toBe(true);
    expect(files(helpers.paste)).toEqual(['wl-paste', 'xsel']);
    expect(helpers.paste[0]?.empty?.test('Nothing is copied')).toBe(true);
  });

  it('macOS: pbcopy and pbpaste in UTF-8', () => {
    const helpers = clipboardHelpers('darwin', {});
    expect(files(helpers.copy)).toEqual(['pbcopy']);
    expect(helpers.paste[0]).toMatchObject({ file: 'pbpaste', env: { LC_CTYPE: 'UTF-8' } });
  });

  it('Windows: PowerShell with an encoded script (the text on stdin), then the exe clipboardy ships', () => {
    const helpers = clipboardHelpers('win32', { SYSTEMROOT: 'D:\\Win' }, { windowsExe: 'C:\\pkg\\clipboard_x86_64.exe' });
    expect(files(helpers.copy)).toEqual(['D:\\Win\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'C:\\pkg\\clipboard_x86_64.exe']);
    const script = Buffer.from(helpers.copy[0]?.args.at(-1) ?? '', 'base64').toString('utf16le');
    expect(script).toContain('Set-Clipboard');
    expect(script).toContain('OpenStandardInput');
  });

  it('WSL: clip.exe to copy, powershell.exe to paste; Termux: its own scripts', () => {
    expect(files(clipboardHelpers('linux', { WSL_DISTRO_NAME: 'Ubuntu' }).copy)).toEqual(['clip.exe']);
    expect(files(clipboardHelpers('linux', { WSL_DISTRO_NAME: 'Ubuntu' }).paste)).toEqual(['powershell.exe']);
    expect(files(clipboardHelpers('android', {}).copy)).toEqual(['termux-clipboard-set']);
  });
});
