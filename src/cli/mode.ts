import type { CliOptions } from './options.js';

/**
 * - skeleton: --generate-cli-skeleton, printed without a request.
 * - scripted: cluster IDs (--cluster-ids or --cli-input-json) and either stdout is not a terminal
 *   or --output / --query asks for printed output; or any --cli-input-json (it is operation input, the
 *   TUI has no use for it).
 * - interactive: the TUI; --cluster-ids then preselects.
 */
export type RunMode = 'skeleton' | 'scripted' | 'interactive';

export function chooseMode(options: CliOptions, io: { stdoutIsTTY: boolean }): RunMode {
  if (options.generateCliSkeleton !== undefined) return 'skeleton';
  if (options.cliInputJson !== undefined) return 'scripted';
  if (options.clusterIds === undefined) return 'interactive';
  const printedOutput = options.output !== undefined || options.query !== undefined;
  return !io.stdoutIsTTY || printedOutput ? 'scripted' : 'interactive';
}
