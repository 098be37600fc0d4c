import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tmuxRunner } from '../../src/clipboard/tmux.js';

/**
 * The only child processes the app starts are clipboard tools (tmux here; xsel /
 * wl-copy / pbcopy, which take the text on stdin). A fake `tmux` records what it received: the
 * token may arrive on stdin, never in argv or the environment.
 */
let dir: string;
const TOKEN = `eyJ${'Q'.repeat(40)}SECRET-IN-TEST${'Z'.repeat(40)}`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'idc-child-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the clipboard child gets the token on stdin only', () => {
  it('tmux load-buffer: argv and environment are clean, stdin has the token', async () => {
    const fake = join(dir, 'tmux');
    writeFileSync(
      fake,
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${dir}/argv'\nenv > '${dir}/environ'\ncat > '${dir}/stdin'\ncat /proc/$$/cmdline > '${dir}/cmdline' 2>/dev/null\n`,
    );
    chmodSync(fake, 0o755);
    await tmuxRunner(fake)(['load-buffer', '-b', 'idc-tui', '-'], TOKEN);
    expect(readFileSync(join(dir, 'stdin'), 'utf8')).toBe(TOKEN);
    for (const file of ['argv', 'environ', 'cmdline']) expect(readFileSync(join(dir, file), 'utf8')).not.toContain('SECRET-IN-TEST');
    expect(process.env).not.toSatisfy((env: NodeJS.ProcessEnv) => Object.values(env).some((v) => v?.includes('SECRET-IN-TEST')));
  });
});
