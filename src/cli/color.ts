export const COLOR_MODES = ['on', 'off', 'auto'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/**
 * --color on|off wins; with auto, FORCE_COLOR (any value but 0/false) turns colour on, NO_COLOR
 * (any non-empty value, https://no-color.org) turns it off, else colour when the stream is a terminal.
 */
export function resolveColor(mode: ColorMode, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (mode === 'on') return true;
  if (mode === 'off') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY;
}
