import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/report-error.js';
import { AppError } from '../../src/domain/errors.js';
import { NS, startHostileServer, xmlText, type HostileServer } from '../support/hostile-server.js';
import { makeCliHome, runCli, STACK_LINE, TEST_CREDENTIALS, type CliHome } from './run-cli.js';

/**
 * Scripted mode against an endpoint whose error messages carry escape sequences and line breaks:
 * stderr shows them escaped, so one error stays one line (plus the hint) and the terminal running
 * the script is not driven by the server. --debug escapes them too.
 */

// (XML turns a carriage return into a line feed, so \b stands for the characters that overwrite a line;
// the AWS layer keeps the message's first line.)
const INJECTED = 'Denied\u001b]0;pwned\u0007\u001b]52;c;ZXZpbA==\u0007\bFake: line\u009b2J\u202eend\nsecond line';
const SHOWN = 'Denied\\x1b]0;pwned\\x07\\x1b]52;c;ZXZpbA==\\x07\\x08Fake: line\\x9b2J\\u202eend';
/** A terminal acts on these; stderr's own line feeds are allowed. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

let server: HostileServer;
let home: CliHome;
beforeAll(async () => {
  server = await startHostileServer({
    GetIdentityCenterAuthToken: () => ({
      status: 400,
      body: `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>InvalidClusterState</Code><Message>${xmlText(INJECTED)}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
    }),
  });
  home = makeCliHome();
});
afterAll(async () => {
  await server.close();
  home.cleanup();
});

const run = (extra: string[] = []) =>
  runCli(['--cluster-ids', 'analytics-prod', '--output', 'json', '--endpoint-url', server.url, ...extra], {
    home,
    env: { ...TEST_CREDENTIALS, AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' },
  });

describe('hostile text on stderr', () => {
  it("a service error's message is escaped: one line and the hint, no control characters", async () => {
    const result = await run();
    expect(result.code).toBe(254);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^idc-tui: /u);
    expect(lines[0]).toContain(SHOWN);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('--debug output (the answer body, the stack) is escaped too', async () => {
    const result = await run(['--debug']);
    expect(result.code).toBe(254);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr).toContain('[debug] HTTP response: 400');
    // the body as it came, its line break kept (the debug log is made of lines)
    expect(result.stderr).toContain(`<Message>${SHOWN}\n  second line</Message>`);
    const errorLine = result.stderr.split('\n').find((l) => l.startsWith('idc-tui: '));
    expect(errorLine).toContain(SHOWN);
  });
});

describe('reportError', () => {
  function report(err: unknown, debug = false): string {
    let text = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        text += chunk.toString();
        callback();
      },
    });
    reportError(err, debug, sink);
    return text;
  }

  it('an AppError: the message and the hint each on one line, escaped', () => {
    const text = report(new AppError('config', 'Cannot read "/tmp/a\nb\u001b]0;t\u0007"', { hint: 'Fix\r it\u202e' }));
    expect(text).toBe('idc-tui: Cannot read "/tmp/a\\x0ab\\x1b]0;t\\x07"\nFix\\x0d it\\u202e\n');
  });

  it('an unexpected error: its first line, escaped; with --debug the stack keeps its lines', () => {
    const err = new Error('boom\u001b]52;c;QQ==\u0007\u009b2J\nsecond');
    expect(report(err)).toBe('idc-tui: unexpected error: boom\\x1b]52;c;QQ==\\x07\\x9b2J\nRun again with --debug for details.\n');
    const debug = report(err, true);
    expect(debug).not.toMatch(RAW_CONTROL);
    expect(debug).toMatch(/^\s+at /mu);
  });
});
