import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Bundles `exportLine` (an `export { … } from '…'` line) as scripts/build.mjs would, with one of
 * scripts/build-plugins.mjs's plugins (by name) or with none, and imports the result.
 */
export async function bundleWithPlugin<T>(exportLine: string, pluginNames: string | readonly string[] | undefined): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'idc-build-plugin-'));
  try {
    const pluginsUrl = pathToFileURL(join(process.cwd(), 'scripts', 'build-plugins.mjs')).href;
    const plugins = (await import(pluginsUrl)) as Record<string, Plugin>;
    const names = pluginNames === undefined ? [] : typeof pluginNames === 'string' ? [pluginNames] : pluginNames;
    const chosen = names.map((name) => {
      const plugin = plugins[name];
      if (!plugin) throw new Error(`scripts/build-plugins.mjs has no plugin ${name}`);
      return plugin;
    });
    const outfile = join(dir, 'bundle.mjs');
    await build({
      stdin: { contents: exportLine, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      plugins: chosen,
      logLevel: 'silent',
    });
    return (await import(pathToFileURL(outfile).href)) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
