import { CredentialsProviderError, TokenProviderError } from '@smithy/core/config';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { retryReason, toAppError, type ErrorContext } from '../../src/aws/error-messages.js';

const context: ErrorContext = {
  action: 'GetIdentityCenterAuthToken',
  clusterIds: ['prod'],
  profile: 'work',
  region: 'eu-west-1',
  endpoint: 'https://redshift.eu-west-1.amazonaws.com',
};

function serviceError(name: string, message: string, status: number, attempts = 1): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status, attempts } });
}

function systemError(code: string, message = `connect ${code}`, name = 'Error'): Error {
  return Object.assign(new Error(message), { code, name });
}

describe('toAppError', () => {
  it.each([
    {
      error: serviceError('AccessDeniedException', 'User is not authorized', 403),
      expected: { kind: 'service', code: 'AccessDenied', message: 'Access denied: these credentials may not call redshift:GetIdentityCenterAuthToken (region eu-west-1, profile work).' },
    },
    {
      error: serviceError('UnauthorizedOperation', 'nope', 400),
      expected: { kind: 'service', code: 'UnauthorizedOperation', hint: expect.stringContaining('redshift:GetIdentityCenterAuthToken') },
    },
    {
      error: serviceError('ExpiredTokenException', 'expired', 400),
      expected: { kind: 'service', message: 'Your AWS credentials have expired (region eu-west-1, profile work).', hint: 'Run: aws sso login --profile work (or refresh your credentials), then retry.' },
    },
    {
      error: serviceError('ThrottlingException', 'Rate exceeded', 400, 3),
      expected: { kind: 'service', retryable: true, message: 'Redshift is throttling requests after 3 attempts.' },
    },
    {
      error: serviceError('SomethingNew', 'A brand new failure\nwith a second line', 502),
      expected: { kind: 'service', retryable: true, message: 'Redshift had a server error (HTTP 502 SomethingNew).' },
    },
    {
      error: serviceError('OddClientError', 'Odd thing\nsecond line', 400),
      expected: { kind: 'service', message: 'Redshift answered OddClientError: Odd thing' },
    },
    {
      error: serviceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
      expected: { kind: 'service', message: expect.stringContaining('AWS did not accept these credentials') },
    },
    {
      error: new CredentialsProviderError('Could not load credentials from any providers', { tryNextLink: false }),
      expected: { kind: 'config', message: 'No AWS credentials found for profile work.', hint: expect.stringContaining('aws configure') },
    },
    {
      error: new CredentialsProviderError('Profile work was not found.', {}),
      expected: { kind: 'config', message: 'Profile "work" is not defined in the AWS config or credentials file.' },
    },
    {
      error: new TokenProviderError("Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.", false),
      expected: { kind: 'config', message: 'The SSO session for profile work has expired or is not valid.', hint: expect.stringContaining('aws sso login --profile work') },
    },
    {
      error: new CredentialsProviderError('The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.', {}),
      expected: { kind: 'config', message: 'The SSO session for profile work has expired or is not valid.' },
    },
    {
      error: new Error('Region is missing'),
      expected: { kind: 'config', message: 'No AWS region is set.' },
    },
    {
      error: systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND redshift.eu-west-1.amazonaws.com'),
      expected: { kind: 'network', retryable: true, message: 'Cannot reach https://redshift.eu-west-1.amazonaws.com: host not found.' },
    },
    {
      error: systemError('ECONNRESET', 'socket hang up', 'TimeoutError'),
      expected: { kind: 'network', message: 'Cannot reach https://redshift.eu-west-1.amazonaws.com: connection reset.' },
    },
    {
      error: Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 100 ms.'), { name: 'TimeoutError' }),
      expected: { kind: 'network', message: 'Timed out connecting to https://redshift.eu-west-1.amazonaws.com.', hint: expect.stringContaining('--cli-connect-timeout') },
    },
    {
      error: systemError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
      expected: { kind: 'network', retryable: false, message: 'The TLS certificate of https://redshift.eu-west-1.amazonaws.com is not trusted (SELF_SIGNED_CERT_IN_CHAIN).' },
    },
    {
      error: systemError('CERT_HAS_EXPIRED', 'certificate has expired'),
      expected: { kind: 'network', code: 'CERT_HAS_EXPIRED' },
    },
    {
      error: Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }),
      expected: { kind: 'other', code: 'AbortError', message: 'Cancelled.' },
    },
    {
      error: new TypeError('something odd\n    at somewhere (file.js:1:1)'),
      expected: { kind: 'other', message: 'something odd' },
    },
    {
      error: 'a thrown string',
      expected: { kind: 'other', message: 'a thrown string' },
    },
  ])('$error.name: $error.message', ({ error, expected }) => {
    const mapped = toAppError(error, context);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject(expected);
    expect(mapped.message).not.toContain('\n');
    expect(mapped.userText).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('names the listing action and offers manual entry when listing is denied', () => {
    const mapped = toAppError(serviceError('AccessDenied', 'no', 403), { action: 'DescribeClusters' });
    expect(mapped.message).toBe('Access denied: these credentials may not call redshift:DescribeClusters.');
    expect(mapped.hint).toContain('--cluster-ids');
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('usage', 'bad');
    expect(toAppError(original, context)).toBe(original);
  });

  it('says where a network error went even without an endpoint', () => {
    expect(toAppError(systemError('ECONNREFUSED'), { action: 'DescribeClusters' }).message).toBe(
      'Cannot reach the Redshift endpoint: connection refused.',
    );
  });
});

describe('retryReason', () => {
  it.each([
    [serviceError('Throttling', 'Rate exceeded', 400), 'Throttling (HTTP 400)'],
    [systemError('ECONNRESET', 'socket hang up', 'TimeoutError'), 'ECONNRESET'],
    [undefined, 'retrying'],
  ])('%s → %s', (error, reason) => {
    expect(retryReason(error)).toBe(reason);
  });
});

describe('ClusterNotFound', () => {
  const notFound = (message: string) => serviceError('ClusterNotFoundFault', message, 404);

  it.each([
    [['a', 'b'], 'Cluster b not found.', 'Cluster "b" was not found.'],
    [['prod', 'prod-2'], 'Cluster prod-2 not found.', 'Cluster "prod-2" was not found.'],
    [['a', 'b'], 'One of the clusters was not found.', 'At least one of the clusters "a", "b" was not found.'],
    [[], 'Cluster x not found.', 'Cluster not found: Cluster x not found.'],
  ])('for %j and "%s" says %s', (clusterIds, serviceMessage, expected) => {
    expect(toAppError(notFound(serviceMessage), { action: 'GetIdentityCenterAuthToken', clusterIds }).message).toBe(expected);
  });
});

describe('credentials from the environment', () => {
  const fromEnv: ErrorContext = { ...context, profile: 'default', environmentVariables: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] };

  it.each([
    {
      error: serviceError('ExpiredToken', 'The security token included in the request is expired', 403),
      message: 'The AWS credentials from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) have expired (region eu-west-1).',
      hint: 'Set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN to fresh credentials, or unset them to use a profile, then retry.',
    },
    {
      error: serviceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
      message: 'AWS did not accept these credentials (region eu-west-1): The security token included in the request is invalid.',
      hint: 'Check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (the credentials come from the environment), or unset them to use a profile.',
    },
  ])('$error.name names the variables, not a profile or aws sso login', ({ error, message, hint }) => {
    expect(toAppError(error, fromEnv)).toMatchObject({ kind: 'service', message, hint });
  });
});
