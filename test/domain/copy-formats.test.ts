import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/domain/cluster.js';
import { connectionTarget, copyText, jdbcUrl, pythonSnippet, pythonString, tokenJson, urlHost } from '../../src/domain/copy-formats.js';

const TOKEN = 'eyJ+abc/def==';
const EXPIRES = new Date(Date.UTC(2025, 10, 28, 14, 3, 12));
const target = { host: 'analytics-prod.abc123xyz.us-east-1.redshift.amazonaws.com', port: 5439, database: 'analytics' };

function cluster(overrides: Partial<Cluster> = {}): Cluster {
  return { id: 'analytics-prod', status: 'available', dbName: 'analytics', endpoint: { address: target.host, port: 5439 }, tags: {}, ...overrides };
}

describe('JDBC URL', () => {
  it('uses the fully qualified plugin class, SUBJECT_TOKEN and the URL-encoded token', () => {
    expect(jdbcUrl(target, TOKEN)).toBe(
      'jdbc:redshift://analytics-prod.abc123xyz.us-east-1.redshift.amazonaws.com:5439/analytics' +
        '?plugin_name=com.amazon.redshift.plugin.IdpTokenAuthPlugin&token_type=SUBJECT_TOKEN&token=eyJ%2Babc%2Fdef%3D%3D',
    );
  });

  it('encodes a database name with characters the driver would split or decode', () => {
    expect(jdbcUrl({ ...target, database: `it's "q";a&b?c/d\\e+f g` }, 'T')).toBe(
      'jdbc:redshift://analytics-prod.abc123xyz.us-east-1.redshift.amazonaws.com:5439/' +
        "it's%20%22q%22%3Ba%26b%3Fc%2Fd%5Ce%2Bf%20g?plugin_name=com.amazon.redshift.plugin.IdpTokenAuthPlugin&token_type=SUBJECT_TOKEN&token=T",
    );
  });

  it('round-trips through URL decoding (what the driver does with each value)', () => {
    const url = jdbcUrl(target, TOKEN);
    const token = url.split('&token=')[1] as string;
    expect(decodeURIComponent(token)).toBe(TOKEN);
    expect(token).not.toMatch(/[+/=]/u);
  });
});

describe('Python snippet', () => {
  it('is exactly this text', () => {
    expect(pythonSnippet(target, TOKEN)).toBe(
      [
        'import redshift_connector',
        '',
        'conn = redshift_connector.connect(',
        "    host='analytics-prod.abc123xyz.us-east-1.redshift.amazonaws.com',",
        '    port=5439,',
        "    database='analytics',",
        "    credentials_provider='IdpTokenAuthPlugin',",
        "    token_type='SUBJECT_TOKEN',",
        "    token='eyJ+abc/def==',",
        ')',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes, backslashes and control characters in the database name', () => {
    const snippet = pythonSnippet({ ...target, database: `it's "q" C:\\db\n\u0001` }, TOKEN);
    expect(snippet).toContain(`    database='it\\'s "q" C:\\\\db\\n\\x01',\n`);
  });

  it.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ['tab\tcr\rnl\n', "'tab\\tcr\\rnl\\n'"],
    ['\u0000\u007f', "'\\x00\\x7f'"],
    ['\u0085\u2028', "'\\u0085\\u2028'"],
    ['héllo ✓', "'héllo ✓'"],
  ])('pythonString(%j) is %s', (text, literal) => {
    expect(pythonString(text)).toBe(literal);
  });
});

describe('JSON', () => {
  it('is what --output json prints: Token then ExpirationTime, indent 4, AWS CLI v2 timestamp', () => {
    expect(tokenJson({ token: TOKEN, expiresAt: EXPIRES })).toBe(
      '{\n    "Token": "eyJ+abc/def==",\n    "ExpirationTime": "2025-11-28T14:03:12+00:00"\n}\n',
    );
  });
});

describe('copyText', () => {
  const token = { token: TOKEN, expiresAt: EXPIRES };

  it('gives the raw token as is', () => {
    expect(copyText('token', token, 'analytics-prod', undefined)).toEqual({ ok: true, text: TOKEN });
  });

  it('builds the JDBC URL from the cluster endpoint and DB name', () => {
    expect(copyText('jdbc', token, 'analytics-prod', cluster())).toEqual({ ok: true, text: jdbcUrl(target, TOKEN) });
  });

  it.each<[string, Cluster | undefined, string]>([
    ['not listed', undefined, 'x is not in the cluster list, so its endpoint is unknown'],
    ['creating', cluster({ endpoint: undefined, status: 'creating' }), 'x has no endpoint yet (status creating)'],
    ['no DB name', cluster({ dbName: undefined }), 'x has no database name in DescribeClusters'],
  ])('says why there is no JDBC URL or snippet: %s', (_, c, reason) => {
    expect(copyText('python', token, 'x', c)).toEqual({ ok: false, reason });
    expect(connectionTarget(c, 'x')).toEqual({ missing: reason });
  });
});

describe('an endpoint that is not a host name and a port is refused', () => {
  const token = { token: TOKEN, expiresAt: EXPIRES };
  const withEndpoint = (address: string, port = 5439) => cluster({ endpoint: { address, port } });

  it.each<[string, Cluster, string]>([
    ['a user@ before the real host', withEndpoint('evil.example@analytics-prod.example.com'), 'x\'s endpoint address "evil.example@analytics-prod.example.com" is not a host name or an IP address'],
    ['a path that swallows the database', withEndpoint('evil.example/x?'), 'x\'s endpoint address "evil.example/x?" is not a host name or an IP address'],
    ['a port in the address', withEndpoint('host.example.com:1'), 'x\'s endpoint address "host.example.com:1" is not a host name or an IP address'],
    ['control characters, shown escaped', withEndpoint('h\u001b]52;c;QQ==\u0007'), 'x\'s endpoint address "h\\x1b]52;c;QQ==\\x07" is not a host name or an IP address'],
    ['a long address, cut without splitting an escape', withEndpoint(`${'a'.repeat(37)}\u001b${'b'.repeat(20)}`), `x's endpoint address "${'a'.repeat(37)}…" is not a host name or an IP address`],
    ['port 0', withEndpoint('host.example.com', 0), 'x\'s endpoint port "0" is not a port number from 1 to 65535'],
    ['port 65536', withEndpoint('host.example.com', 65536), 'x\'s endpoint port "65536" is not a port number from 1 to 65535'],
    ['a port that is not a number', withEndpoint('host.example.com', Number.NaN), 'x\'s endpoint port "NaN" is not a port number from 1 to 65535'],
    ['a database name with control characters', cluster({ dbName: 'dev\r\u001b[2K' }), 'x\'s database name "dev\\x0d\\x1b[2K" contains control characters'],
    ['a database name with a bidi override', cluster({ dbName: 'dev\u202e' }), 'x\'s database name "dev\\u202e" contains control characters'],
    ['a database name over 127 bytes', cluster({ dbName: 'é'.repeat(64) }), `x's database name "${'é'.repeat(40)}…" is longer than 127 bytes`],
  ])('%s', (_what, c, reason) => {
    expect(connectionTarget(c, 'x')).toEqual({ missing: reason });
    expect(copyText('jdbc', token, 'x', c)).toEqual({ ok: false, reason });
    expect(copyText('python', token, 'x', c)).toEqual({ ok: false, reason });
  });

  it('a status or ID with control characters stays on one line in the reason', () => {
    const reason = connectionTarget(cluster({ endpoint: undefined, status: 'creating\nFake line' }), 'x\r');
    expect(reason).toEqual({ missing: 'x\\x0d has no endpoint yet (status creating\\x0aFake line)' });
  });

  it.each([
    ['an IPv4 address', '10.0.0.7', 'jdbc:redshift://10.0.0.7:5439/analytics?', "    host='10.0.0.7',"],
    ['an IPv6 address in brackets', '[2001:db8::7]', 'jdbc:redshift://[2001:db8::7]:5439/analytics?', "    host='2001:db8::7',"],
    ['an IPv6 address without', '2001:db8::7', 'jdbc:redshift://[2001:db8::7]:5439/analytics?', "    host='2001:db8::7',"],
  ])('%s goes into the URL (IPv6 in brackets) and the snippet (without)', (_what, address, url, line) => {
    const target = connectionTarget(withEndpoint(address), 'x');
    expect('missing' in target).toBe(false);
    const jdbc = copyText('jdbc', token, 'x', withEndpoint(address));
    const python = copyText('python', token, 'x', withEndpoint(address));
    expect(jdbc.ok && jdbc.text.startsWith(url)).toBe(true);
    expect(python.ok && python.text.includes(`${line}\n`)).toBe(true);
    if (!('missing' in target)) expect(urlHost(target)).toBe(url.slice('jdbc:redshift://'.length, url.indexOf(':5439')));
  });

  it('a database name with quotes, slashes and spaces is still escaped, not refused', () => {
    const made = copyText('jdbc', token, 'x', cluster({ dbName: "it's a/b?c" }));
    expect(made).toEqual({ ok: true, text: expect.stringContaining("/it's%20a%2Fb%3Fc?plugin_name=") as unknown as string });
  });
});
