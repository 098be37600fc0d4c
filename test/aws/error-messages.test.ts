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

/** Shaped as the SDK throws them: the wire code in Code, beside the exception's name. */
function serviceError(name: string, message: string, status: number, attempts = 1): Error {
  return Object.assign(new Error(message), { name, Code: name, $fault: 'client', $metadata: { httpStatusCode: status, attempts } });
}

function systemError(code: string, message = `connect ${code}`, name = 'Error'): Error {
  return Object.assign(new Error(message), { code, name });
}

describe('toAppError', () => {
  it.each([
    {
      error: serviceError('AccessDeniedException', 'User is not authorized', 403),
      expected: { kind: 'service', code: 'AccessDenied', message: 'An error occurred (AccessDeniedException) when calling the GetIdentityCenterAuthToken operation: User is not authorized', hint: 'Ask an administrator for redshift:GetIdentityCenterAuthToken on these clusters for these credentials (region eu-west-1, profile work).' },
    },
    {
      error: serviceError('UnauthorizedOperation', 'nope', 400),
      expected: { kind: 'service', code: 'UnauthorizedOperation', hint: expect.stringContaining('redshift:GetIdentityCenterAuthToken') },
    },
    {
      error: serviceError('ExpiredTokenException', 'expired', 400),
      expected: { kind: 'service', message: 'An error occurred (ExpiredTokenException) when calling the GetIdentityCenterAuthToken operation: expired', hint: 'The credentials (region eu-west-1, profile work) have expired. Run: aws sso login --profile work (or refresh your credentials), then retry.' },
    },
    {
      error: serviceError('ThrottlingException', 'Rate exceeded', 400, 3),
      expected: { kind: 'service', retryable: true, message: 'An error occurred (ThrottlingException) when calling the GetIdentityCenterAuthToken operation (reached max retries: 2): Rate exceeded' },
    },
    {
      error: serviceError('SomethingNew', 'A brand new failure\nwith a second line', 502),
      expected: { kind: 'service', retryable: true, message: 'An error occurred (SomethingNew) when calling the GetIdentityCenterAuthToken operation (reached max retries: 0): A brand new failure' },
    },
    {
      error: serviceError('OddClientError', 'Odd thing\nsecond line', 400),
      expected: { kind: 'service', message: 'An error occurred (OddClientError) when calling the GetIdentityCenterAuthToken operation: Odd thing' },
    },
    {
      error: serviceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
      expected: { kind: 'service', message: 'An error occurred (InvalidClientTokenId) when calling the GetIdentityCenterAuthToken operation: The security token included in the request is invalid.', hint: expect.stringContaining('AWS did not accept these credentials') },
    },
    {
      error: new CredentialsProviderError('Could not load credentials from any providers', { tryNextLink: false }),
      expected: { kind: 'config', exitCode: 253, message: 'No AWS credentials found for profile work.', hint: expect.stringContaining('aws configure') },
    },
    {
      error: new CredentialsProviderError('Profile work was not found.', {}),
      expected: { kind: 'credentials', exitCode: 255, message: 'Profile "work" is not defined in the AWS config or credentials file.' },
    },
    {
      error: new TokenProviderError("Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.", false),
      expected: { kind: 'credentials', exitCode: 255, message: 'The SSO session for profile work has expired or is not valid.', hint: expect.stringContaining('aws sso login --profile work') },
    },
    {
      error: new CredentialsProviderError('The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.', {}),
      expected: { kind: 'credentials', exitCode: 255, message: 'The SSO session for profile work has expired or is not valid.' },
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
    expect(mapped.message).toBe('An error occurred (AccessDenied) when calling the DescribeClusters operation: no');
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
  const notFound = (message: string) =>
    Object.assign(serviceError('ClusterNotFoundFault', message, 404), { Code: 'ClusterNotFound' });

  it.each([
    [['a', 'b'], 'Cluster b not found.', 'Check the cluster ID "b", '],
    [['prod', 'prod-2'], 'Cluster prod-2 not found.', 'Check the cluster ID "prod-2", '],
    [['a', 'b'], 'One of the clusters was not found.', 'Check the cluster IDs "a", "b", '],
    [[], 'Cluster x not found.', 'Check the cluster IDs, '],
  ])('for %j and "%s": the AWS CLI’s line, then a hint starting %s', (clusterIds, serviceMessage, hintStart) => {
    const mapped = toAppError(notFound(serviceMessage), { action: 'GetIdentityCenterAuthToken', clusterIds });
    expect(mapped.message).toBe(`An error occurred (ClusterNotFound) when calling the GetIdentityCenterAuthToken operation: ${serviceMessage}`);
    expect(mapped.hint?.startsWith(hintStart)).toBe(true);
  });
});

describe('the AWS CLI’s error line', () => {
  it('keeps a long AWS message whole', () => {
    const message = `User: arn:aws:sts::123456789012:assumed-role/${'R'.repeat(64)}/${'s'.repeat(64)} is not authorized to perform: redshift:GetIdentityCenterAuthToken on resource: arn:aws:redshift:eu-west-1:123456789012:cluster:${'c'.repeat(63)} because no identity-based policy allows the redshift:GetIdentityCenterAuthToken action`;
    expect(message.length).toBeGreaterThan(300);
    expect(toAppError(serviceError('AccessDenied', message, 403), context).message).toBe(
      `An error occurred (AccessDenied) when calling the GetIdentityCenterAuthToken operation: ${message}`,
    );
  });

  it('gives a 5xx without an AWS error document the status as its code and the reason as its message', () => {
    const generic = Object.assign(new Error('Unknown'), { name: 'Unknown', $fault: 'server', $metadata: { httpStatusCode: 500, attempts: 3 } });
    expect(toAppError(generic, context).message).toBe(
      'An error occurred (500) when calling the GetIdentityCenterAuthToken operation (reached max retries: 2): Internal Server Error',
    );
  });
});

describe('credentials from the environment', () => {
  const fromEnv: ErrorContext = { ...context, profile: 'default', environmentVariables: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] };

  it.each([
    {
      error: serviceError('ExpiredToken', 'The security token included in the request is expired', 403),
      message: 'An error occurred (ExpiredToken) when calling the GetIdentityCenterAuthToken operation: The security token included in the request is expired',
      hint: 'The AWS credentials from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) have expired (region eu-west-1). Set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN to fresh credentials, or unset them to use a profile, then retry.',
    },
    {
      error: serviceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
      message: 'An error occurred (InvalidClientTokenId) when calling the GetIdentityCenterAuthToken operation: The security token included in the request is invalid.',
      hint: 'AWS did not accept the credentials from the environment (region eu-west-1): check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or unset them to use a profile.',
    },
  ])('$error.name names the variables, not a profile or aws sso login', ({ error, message, hint }) => {
    expect(toAppError(error, fromEnv)).toMatchObject({ kind: 'service', message, hint });
  });
});
