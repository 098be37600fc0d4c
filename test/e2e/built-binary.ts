import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const binPath = fileURLToPath(new URL('../../bin/idc-tui.js', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(new URL('../../dist/launch.js', import.meta.url))) {
    throw new Error('dist/launch.js is missing: run `npm run build` first (npm test does).');
  }
}

export interface SpawnedEmulator {
  url: string;
  child: ChildProcessWithoutNullStreams;
  stop(): Promise<number | null>;
}

/** Starts `idc-tui emulator …` and resolves with the URL it prints as its first line. */
export async function spawnEmulator(args: string[] = []): Promise<SpawnedEmulator> {
  assertBuilt();
  const child = spawn(process.execPath, [binPath, 'emulator', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
