import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Bundles `exportLine` (an `export { … } from '…'` line) as scripts/build.mjs would, with some of
 * scripts/build-plugins.mjs's plugins (by name) or with none, and imports the result.
 */
async function bundleWithPlugins<T>(exportLine: string, pluginNames: string | readonly string[] | undefined): Promise<T> {
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

/** The modules of `exportLine` as they are, and as the bundle patches them with the named plugins. */
export async function originalAndPatched<T>(exportLine: string, pluginNames: string | readonly string[]): Promise<{ original: T; patched: T }> {
  return { original: await bundleWithPlugins<T>(exportLine, undefined), patched: await bundleWithPlugins<T>(exportLine, pluginNames) };
}
