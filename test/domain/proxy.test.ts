import { describe, expect, it } from 'vitest';
import { bypassesProxy, describeRoute, parseProxy, proxyPasswords, proxyRoute, readProxyEnvironment } from '../../src/domain/proxy.js';

/** The rules are Python urllib's, which the AWS CLI (botocore) uses: getproxies_environment, proxy_bypass_environment. */

describe('which variable applies', () => {
  it.each([
    [{ HTTPS_PROXY: 'http://up:1' }, 'https', 'HTTPS_PROXY'],
    [{ https_proxy: 'http://low:1' }, 'https', 'https_proxy'],
    [{ HTTPS_PROXY: 'http://up:1', https_proxy: 'http://low:1' }, 'https', 'https_proxy'],
    [{ HTTPS_PROXY: 'http://up:1', https_proxy: '' }, 'https', undefined],
    [{ HTTPS_PROXY: '' }, 'https', undefined],
    [{ HTTP_PROXY: 'http://up:1' }, 'https', undefined],
    [{ HTTP_PROXY: 'http://up:1' }, 'http', 'HTTP_PROXY'],
    [{ HTTP_PROXY: 'http://up:1', http_proxy: 'http://low:1' }, 'http', 'http_proxy'],
    [{ HTTP_PROXY: 'http://up:1', REQUEST_METHOD: 'GET' }, 'http', undefined],
    [{ http_proxy: 'http://low:1', REQUEST_METHOD: 'GET' }, 'http', 'http_proxy'],
    [{ HTTPS_PROXY: 'http://up:1', REQUEST_METHOD: 'GET' }, 'https', 'HTTPS_PROXY'],
    [{ ALL_PROXY: 'http://all:1' }, 'https', undefined],
  ] as const)('%j → %s proxy from %s', (env, scheme, variable) => {
    expect(readProxyEnvironment(env)[scheme]?.variable).toBe(variable);
  });

  it('NO_PROXY likewise: no_proxy wins, an empty one turns NO_PROXY off', () => {
    expect(readProxyEnvironment({ NO_PROXY: 'a', no_proxy: 'b' }).noProxy).toEqual({ value: 'b', variable: 'no_proxy' });
    expect(readProxyEnvironment({ NO_PROXY: 'a', no_proxy: '' }).noProxy).toBeUndefined();
    expect(readProxyEnvironment({ NO_PROXY: 'a' }).noProxy).toEqual({ value: 'a', variable: 'NO_PROXY' });
  });
});

describe('NO_PROXY matching (host[:port] of the endpoint URL)', () => {
  it.each([
    ['*', 'anything.example.com', true],
    ['*', 'localhost:8080', true],
    ['example.com', 'example.com', true],
    ['example.com', 'redshift.example.com', true],
    ['example.com', 'a.b.example.com:8443', true],
    ['example.com', 'notexample.com', false],
    ['example.com', 'example.com.evil.net', false],
    ['.example.com', 'example.com', true],
    ['.example.com', 'redshift.example.com', true],
    ['..example.com', 'redshift.example.com', true],
    ['EXAMPLE.com', 'Redshift.Example.COM', true],
    [' foo.test , example.com ', 'redshift.example.com', true],
    ['foo.test,,', 'redshift.example.com', false],
    ['', 'example.com', false],
    ['amazonaws.com', 'redshift.us-east-1.amazonaws.com', true],
    ['us-east-1.amazonaws.com', 'redshift.eu-west-1.amazonaws.com', false],
    ['10.0.0.5', '10.0.0.5', true],
    ['10.0.0.5', '10.0.0.5:8080', true],
    ['10.0.0.5', '110.0.0.5', false],
    ['0.0.5', '10.0.0.5', true],
    ['10.0.0.0/8', '10.0.0.5', false],
    ['127.0.0.1:8080', '127.0.0.1:8080', true],
    ['127.0.0.1:8080', '127.0.0.1:9090', false],
    ['127.0.0.1:8080', '127.0.0.1', false],
    ['localhost:8080', 'localhost:8080', true],
    ['example.com:443', 'redshift.example.com:443', true],
    ['example.com:443', 'redshift.example.com', false],
    ['[::1]', '[::1]:8080', true],
    ['::1', '[::1]:8080', false],
    ['*.example.com', 'redshift.example.com', false],
    ['*,example.com', 'other.test', false],
  ] as const)('NO_PROXY=%j, host %s → bypass %s', (noProxy, netloc, bypass) => {
    expect(bypassesProxy(netloc, noProxy)).toBe(bypass);
  });
});

describe('proxy URLs', () => {
  it.each([
    ['http://proxy.corp:3128', 'http://proxy.corp:3128', 'http://proxy.corp:3128'],
    ['proxy.corp:3128', 'http://proxy.corp:3128', 'http://proxy.corp:3128'],
    ['//proxy.corp:3128', 'http://proxy.corp:3128', 'http://proxy.corp:3128'],
    ['https://proxy.corp', 'https://proxy.corp', 'https://proxy.corp'],
    ['HTTP://Proxy.Corp:3128/', 'http://proxy.corp:3128', 'http://proxy.corp:3128'],
    ['http://alice:s3cret@proxy.corp:3128', 'http://proxy.corp:3128', 'http://***:***@proxy.corp:3128'],
    ['alice:s3cret@proxy.corp:3128', 'http://proxy.corp:3128', 'http://***:***@proxy.corp:3128'],
    ['http://alice@proxy.corp:3128', 'http://proxy.corp:3128', 'http://***@proxy.corp:3128'],
    ['http://[::1]:3128', 'http://[::1]:3128', 'http://[::1]:3128'],
  ])('%s → %s, shown as %s', (value, url, shown) => {
    expect(parseProxy({ value, variable: 'HTTPS_PROXY' })).toMatchObject({ url, shown, variable: 'HTTPS_PROXY' });
  });

  it.each([
    ['http://us%40er:p%3Ass%25w@proxy:1', { username: 'us@er', password: 'p:ss%w' }],
    ['http://us%zzer:pw@proxy:1', { username: 'us%zzer', password: 'pw' }],
    ['http://alice:pw@proxy:1', { username: 'alice', password: 'pw' }],
    ['http://alice@proxy:1', undefined],
    ['http://alice:@proxy:1', undefined],
    ['http://:pw@proxy:1', undefined],
  ])('%s → Basic credentials %j (both, percent-decoded, or none, as botocore sends them)', (value, credentials) => {
    const parsed = parseProxy({ value, variable: 'HTTPS_PROXY' });
    expect('credentials' in parsed ? parsed.credentials : undefined).toEqual(credentials);
  });

  it.each([
    ['socks5://127.0.0.1:1080', 'HTTPS_PROXY names a socks5:// proxy; only http:// and https:// proxies are supported (as in the AWS CLI).'],
    ['http://proxy:99999', 'HTTPS_PROXY is not a valid proxy URL; give it as http://[USER:PASSWORD@]HOST:PORT.'],
    ['http://proxy corp:3128', 'HTTPS_PROXY is not a valid proxy URL; give it as http://[USER:PASSWORD@]HOST:PORT.'],
  ])('%s → %s', (value, problem) => {
    expect(parseProxy({ value, variable: 'HTTPS_PROXY' })).toEqual({ problem });
  });

  it('a problem never repeats the value, which may hold a password', () => {
    const parsed = parseProxy({ value: 'http://bob:hunter2@pro xy', variable: 'HTTPS_PROXY' });
    expect(JSON.stringify(parsed)).not.toContain('hunter2');
  });
});

describe('the route of a request', () => {
  const env = readProxyEnvironment({ HTTPS_PROXY: 'http://bob:pw@proxy.corp:3128', NO_PROXY: '.internal,localhost' });

  it.each([
    [{ protocol: 'https:', hostname: 'redshift.us-east-1.amazonaws.com' }, 'proxy for https://redshift.us-east-1.amazonaws.com: http://***:***@proxy.corp:3128 (from HTTPS_PROXY)'],
    [{ protocol: 'https:', hostname: 'redshift.vpce.internal', port: 8443 }, 'no proxy for https://redshift.vpce.internal:8443: NO_PROXY matches it'],
    [{ protocol: 'http:', hostname: 'localhost', port: 4000 }, 'no proxy for http://localhost:4000: http_proxy and HTTP_PROXY are not set'],
    [{ protocol: 'https', hostname: 'localhost' }, 'no proxy for https://localhost: NO_PROXY matches it'],
  ])('%j: %s', (target, line) => {
    expect(describeRoute(target, proxyRoute(target, env))).toBe(line);
  });

  it('an IPv6 host is matched in brackets, as the URL writes it', () => {
    const v6 = readProxyEnvironment({ HTTP_PROXY: 'proxy:1', NO_PROXY: '[::1]' });
    expect(proxyRoute({ protocol: 'http:', hostname: '::1', port: 8080 }, v6).kind).toBe('direct');
    expect(proxyRoute({ protocol: 'http:', hostname: '[::1]', port: 8080 }, v6).kind).toBe('direct');
  });
});

describe('proxy passwords, for a log to redact', () => {
  it('are those of the proxies in use, decoded', () => {
    const env = readProxyEnvironment({ HTTPS_PROXY: 'http://a:first%21pw@p:1', http_proxy: 'http://b:second-pw@p:2', HTTP_PROXY: 'http://c:unused-pw@p:3', NO_PROXY: 'x' });
    expect(proxyPasswords(env)).toEqual(['first!pw', 'second-pw']);
    expect(proxyPasswords(readProxyEnvironment({ HTTPS_PROXY: 'http://p:1' }))).toEqual([]);
  });
});
