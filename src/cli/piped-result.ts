import type { AppOutcome } from '../ui/outcome.js';
import { ExitCode } from '../domain/errors.js';
import type { CliOptions } from './options.js';
import { writeOut } from './output-stream.js';

/**
 * `idc-tui | jq -r .Token`: the picked token goes to stdout in the chosen output format, as the
 * scripted mode prints it. Leaving without a token prints nothing and exits non-zero.
 */
export async function printPickedToken(outcome: AppOutcome, options: CliOptions): Promise<number> {
  if (outcome.kind !== 'token') return ExitCode.interrupted;
  const { formatResult, resolveOutputSettings } = await import('./scripted/index.js');
  const { settings } = await resolveOutputSettings(options, { stdout: process.stdout });
  const text = formatResult({ Token: outcome.token.token, ExpirationTime: outcome.token.expiresAt }, settings);
  await writeOut(text);
  return ExitCode.ok;
}
