import { AppError } from './errors.js';

const RETRY_MODES = ['standard', 'adaptive'];

/**
 * AWS_MAX_ATTEMPTS and AWS_RETRY_MODE checked as the AWS CLI v2 checks them, in its words, before
 * any request: a bad value is an error (exit 255), never silently replaced by the default.
 */
export function retrySettingsProblem(env: Readonly<Record<string, string | undefined>>): AppError | undefined {
  const attempts = env['AWS_MAX_ATTEMPTS'];
  if (attempts !== undefined && attempts !== '' && !(/^\s*\d+\s*$/u.test(attempts) && Number(attempts) >= 1)) {
    return new AppError('other', `Value provided to "max_attempts": ${attempts} must be an integer greater than or equal to one.`, {
      hint: 'Fix AWS_MAX_ATTEMPTS, or unset it for the default (3 attempts).',
    });
  }
  const mode = env['AWS_RETRY_MODE'];
  if (mode !== undefined && mode !== '' && !RETRY_MODES.includes(mode)) {
    return new AppError('other', `Invalid value provided to "mode": "${mode}" must be one of: "standard" or "adaptive"`, {
      hint: 'Fix AWS_RETRY_MODE, or unset it for the default (standard).',
    });
  }
  return undefined;
}
