import { describe, expect, it } from 'vitest';
import { retrySettingsProblem } from '../../src/domain/retry-settings.js';

describe('retry settings from the environment, checked as the AWS CLI v2 checks them', () => {
  it.each([{}, { AWS_MAX_ATTEMPTS: '1' }, { AWS_MAX_ATTEMPTS: '10' }, { AWS_RETRY_MODE: 'standard' }, { AWS_RETRY_MODE: 'adaptive' }, { AWS_MAX_ATTEMPTS: '' }])('%j is fine', (env) => {
    expect(retrySettingsProblem(env)).toBeUndefined();
  });

  it.each([
    [{ AWS_MAX_ATTEMPTS: 'abc' }, 'Value provided to "max_attempts": abc must be an integer greater than or equal to one.'],
    [{ AWS_MAX_ATTEMPTS: '-1' }, 'Value provided to "max_attempts": -1 must be an integer greater than or equal to one.'],
    [{ AWS_MAX_ATTEMPTS: '1.5' }, 'Value provided to "max_attempts": 1.5 must be an integer greater than or equal to one.'],
    [{ AWS_RETRY_MODE: 'legacy' }, 'Invalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive"'],
  ])('%j → %s (exit 255)', (env, message) => {
    expect(retrySettingsProblem(env)).toMatchObject({ message, exitCode: 255 });
  });
});
