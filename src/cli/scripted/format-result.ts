import { AppError } from '../../domain/errors.js';
import { applyQuery, formatOutput, outputSkeleton, tokenDocument, type TokenResponse } from '../../domain/output/index.js';
import type { OutputSettings } from './settings.js';

function queried(document: unknown, query: string | undefined): unknown {
  try {
    return applyQuery(document, query);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/^TypeError: /u, '');
    throw new AppError('other', `--query ${JSON.stringify(query)} failed on the result: ${detail}`, {
      hint: 'Check the expression against the result: idc-tui --cluster-ids … --output json shows its shape.',
      cause: error,
    });
  }
}

/**
 * The GetIdentityCenterAuthToken answer as the AWS CLI v2 prints it: --query applied to
 * {Token, ExpirationTime}, then json/text/table. '' when the CLI prints nothing (e.g. a table of null).
 */
export function formatResult(rawOutput: TokenResponse, settings: OutputSettings): string {
  const document = tokenDocument(rawOutput, settings.timestampFormat);
  return formatOutput(queried(document, settings.query), settings.output, settings);
}

/** `--generate-cli-skeleton output`: the sample answer, through --query and the output format like a real one. */
export function formatOutputSkeleton(settings: OutputSettings): string {
  return formatOutput(queried(outputSkeleton(), settings.query), settings.output, settings);
}
