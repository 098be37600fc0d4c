import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configDir, writePrivateFile } from '../../src/cli/private-file.js';

let root: string;
const mode = (path: string) => statSync(path).mode & 0o777;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'idc-private-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writePrivateFile', () => {
  it('creates the directory 0700 and the file 0600 whatever the umask', () => {
    const old = process.umask(0o000);
    try {
      const path = join(configDir({ XDG_CONFIG_HOME: root }), 'settings.json');
      writePrivateFile(path, '{"a":1}');
      expect(readFileSync(path, 'utf8')).toBe('{"a":1}');
      expect(mode(path)).toBe(0o600);
      expect(mode(join(root, 'idc-tui'))).toBe(0o700);
    } finally {
      process.umask(old);
    }
  });

  it('tightens an existing world-readable file and directory', () => {
    const dir = join(root, 'idc-tui');
    mkdirSync(dir, { mode: 0o755 });
    const path = join(dir, 'settings.json');
    writeFileSync(path, 'old', { mode: 0o644 });
    writePrivateFile(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(mode(path)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
  });

  it('uses XDG_CONFIG_HOME when absolute, else ~/.config', () => {
    expect(configDir({ XDG_CONFIG_HOME: '/x/y' })).toBe('/x/y/idc-tui');
    expect(configDir({ XDG_CONFIG_HOME: 'relative' })).toMatch(/\.config\/idc-tui$/u);
  });
});
