import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryResponse, startHostileServer, type HostileServer } from '../support/hostile-server.js';
import { makeCliHome, runCli, TEST_CREDENTIALS, type CliHome } from './run-cli.js';

/**
 * --debug prints every HTTP answer, and the token must never be among what it prints: however the
 * server (or a proxy re-serialising its answers) spells the Token element, the token's value and
 * every long piece of it stay out of stderr. The built binary in scripted mode, against a server
 * that answers GetIdentityCenterAuthToken with each spelling.
 */
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c211Z2dsZWQtdG9rZW4tdmFsdWU.c2lnbmF0dXJlLXNlY3JldC1wYXJ0';
const EXPIRES = '2030-01-01T00:00:00Z';
/** A run of this many characters of the token in stderr counts as a piece of it. */
const PIECE = 10;

const charRef = (c: string) => `&#x${c.charCodeAt(0).toString(16)};`;
const half = TOKEN.length >> 1;

const SHAPES: Record<string, string> = {
  CDATA: `<Token><![CDATA[${TOKEN}]]></Token>`,
  'CDATA in pieces': `<Token><![CDATA[${TOKEN.slice(0, half)}]]><![CDATA[${TOKEN.slice(half)}]]></Token>`,
  attributes: `<Token a="b" c='d'>${TOKEN}</Token>`,
  comment: `<Token><!-- x -->${TOKEN}</Token>`,
  'odd spacing': `<Token >${TOKEN}</Token >`,
  'a newline in the tag': `<Token\n>${TOKEN}</Token\n>`,
  'a reference, then CDATA': `<Token>${charRef(TOKEN[0]!)}<![CDATA[${TOKEN.slice(1)}]]></Token>`,
  'a comment in the middle': `<Token>${TOKEN.slice(0, half)}<!-- x -->${TOKEN.slice(half)}</Token>`,
  'the token again in another element, a reference first': `<Token>${TOKEN}</Token><Note>${charRef(TOKEN[0]!)}${TOKEN.slice(1)}</Note>`,
};

const WITHHELD = new Set(['the token again in another element, a reference first']);

/** stderr as an XML reader would read it: comments out, CDATA unwrapped, character references decoded, tags out. */
function asXmlReads(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/<[^>]*>/g, '');
}

/** The pieces of the token (PIECE characters or longer) found in text. */
function tokenPieces(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + PIECE <= TOKEN.length; i++) if (text.includes(TOKEN.slice(i, i + PIECE))) found.push(TOKEN.slice(i, i + PIECE));
  return found;
}

let server: HostileServer;
let home: CliHome;
let shape = '';

beforeAll(async () => {
  home = makeCliHome();
  home.writeConfig('');
  server = await startHostileServer({
    GetIdentityCenterAuthToken: () => ({ body: queryResponse('GetIdentityCenterAuthToken', `${SHAPES[shape]}<ExpirationTime>${EXPIRES}</ExpirationTime>`) }),
  });
});
afterAll(async () => {
  await server.close();
  home.cleanup();
});

const run = (args: string[]) =>
  runCli(['--endpoint-url', server.url, '--cluster-ids', 'analytics-prod', '--debug', ...args], {
    home,
    env: { ...TEST_CREDENTIALS, AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' },
  });

describe('--debug never prints the token, however the answer spells it', () => {
  it.each(Object.keys(SHAPES))('%s', async (name) => {
    shape = name;
    for (const args of [['--query', 'Token', '--output', 'text'], ['--output', 'json']]) {
      const result = await run(args);
      expect(result.code, result.stderr).toBe(0);
      // the SDK read the token whole: the answer is a real one, only spelled oddly
      expect(result.stdout).toContain(TOKEN);
      expect(result.stderr).toContain('HTTP response: 200');
      // the body is printed with the token cut out, or withheld when the token is spelled outside a Token element
      if (WITHHELD.has(name)) expect(result.stderr).toMatch(/ {2}body: \*\*\*REDACTED\*\*\* \(\d+ characters withheld: they spell a secret/);
      else expect(result.stderr).toContain('<ExpirationTime>2030-01-01T00:00:00Z</ExpirationTime>');
      expect(tokenPieces(result.stderr), result.stderr).toEqual([]);
      expect(tokenPieces(asXmlReads(result.stderr)), result.stderr).toEqual([]);
      // stdout holds the token once, and nothing else of it
      expect(tokenPieces(result.stdout.replace(TOKEN, ''))).toEqual([]);
    }
  });
});
