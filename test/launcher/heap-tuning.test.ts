import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The heap tuning sets V8 flags whose names differ between V8 versions; V8 takes an unknown flag
 * without an error but prints "unrecognized flag" on stderr, over the TUI's screen. It runs here in
 * a Node of its own: the one running the tests (CI: 20, 22 and 24).
 */
let dir: string;
let script: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'idc-heap-tuning-'));
  script = join(dir, 'heap-tuning.mjs');
  await build({ entryPoints: ['src/launcher/heap-tuning.ts'], bundle: true, format: 'esm', platform: 'node', outfile: script, logLevel: 'silent' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(code: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', `import { tuneHeapForMemory, withDefaultHeapFlags } from ${JSON.stringify(script)};\n${code}`], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe(`heap tuning on this Node (${process.version}, V8 ${process.versions.v8})`, () => {
  it('sets only flags this V8 knows: nothing on stderr, and the heap flags take effect', () => {
    const result = run(`
      import { setFlagsFromString } from 'node:v8';
      tuneHeapForMemory();
      const inside = withDefaultHeapFlags(() => 'ran');
      const garbage = [];
      for (let i = 0; i < 200_000; i++) garbage.push({ i });
      console.log(inside);
    `);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('ran');
  });

  it('an unknown flag would show: the check above can fail', () => {
    const result = run(`import { setFlagsFromString } from 'node:v8'; setFlagsFromString('--no-such-flag-for-idc-tui');`);
    expect(result.stderr).toMatch(/unrecognized flag/i);
  });
});
