export const COLOR_MODES = ['on', 'off', 'auto'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/**
 * --color on|off wins; with auto, colour only when the stream is a terminal (as the AWS CLI: a pipe
 * or a file never gets colour without --color on), and not even then with NO_COLOR (any non-empty
 * value, https://no-color.org) or FORCE_COLOR=0/false.
 */
export function resolveColor(mode: ColorMode, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (mode === 'on') return true;
  if (mode === 'off') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && ['0', 'false'].includes(force.trim().toLowerCase())) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY;
}
