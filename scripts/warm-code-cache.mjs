// Makes the code cache a first start can use (src/launcher/): runs the built TUI once on the
// embedded demo in a pseudo-terminal with its own empty cache directory, quits as soon as the list
// shows (the app saves its compiled code as it exits), and puts that file beside the bundle. The
// launcher uses it while the user has no cache of their own; V8 refuses it under another Node, and
// its header (the SHA-256 of the bundle it was made for) keeps it from any other build.
// Optional: without python3, or on any failure, the build goes on with a note and no such file.
import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PtySession } from './bench/pty.mjs';

const TIMEOUT_MS = 20_000;

export async function warmCodeCache(root) {
  if (spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status !== 0) throw new Error('python3 with its pty module is not there');
  const dir = await mkdtemp(join(tmpdir(), 'idc-tui-warm-'));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), XDG_CONFIG_HOME: join(dir, 'config'), TERM: 'xterm-256color', LANG: 'C.UTF-8', IDC_TUI_BUILT_CODE_CACHE: 'off' };
  if (process.env.NODE_EXTRA_CA_CERTS) env.NODE_EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;
  let session;
  let exited = false;
  try {
    session = new PtySession([process.execPath, join(root, 'bin', 'idc-tui.js'), '--demo'], { env, rows: 40, cols: 120 });
    await session.waitFor('\\b\\d+ clusters', { from: 'start', timeoutMs: TIMEOUT_MS });
    await session.send('q');
    let timer;
    const exit = await Promise.race([session.exited, new Promise((resolve) => (timer = setTimeout(() => resolve({ code: 'timeout' }), TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (exit.code !== 'timeout') exited = true;
    if (exit.code !== 0) throw new Error(`the demo exited with ${exit.code}`);
    const cacheDir = join(dir, 'cache', 'idc-tui');
    const [name] = (await readdir(cacheDir)).filter((n) => /^code-.*\.bin$/.test(n));
    if (!name) throw new Error('the demo saved no code cache');
    await copyFile(join(cacheDir, name), join(root, 'dist', name));
    await chmod(join(root, 'dist', name), 0o644);
    return name;
  } finally {
    if (session && !exited) await session.kill().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
