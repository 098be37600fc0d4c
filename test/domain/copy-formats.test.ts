import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/domain/cluster.js';
import { connectionTarget, copyText, jdbcUrl, pythonSnippet, pythonString, tokenJson } from '../../src/domain/copy-formats.js';

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
