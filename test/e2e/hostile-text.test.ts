import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clustersResult, queryResponse, startHostileServer, type HostileServer } from '../support/hostile-server.js';
import { assertBuilt, binPath, repoRoot } from './built-binary.js';
import { TmuxSession, shellQuote } from './tmux-session.js';

/**
 * The built TUI in a real terminal (tmux, which acts on OSC 0 and, with set-clipboard on, OSC 52)
 * against an endpoint whose cluster IDs, DB names and tags carry those sequences: the window title
 * and the clipboard stay the user's, and the screen shows the sequences with their control
 * characters as one-cell pictures (␛, ␇), cut only between whole characters.
 */

const TITLE = 'PWNED-TITLE';
/** base64 of HIJACKED: what OSC 52 would put on the clipboard. */
const CLIP = 'SElKQUNLRUQ=';
const OSC0 = `\u001b]0;${TITLE}\u0007`;
const OSC52 = `\u001b]52;c;${CLIP}\u0007`;

let session: TmuxSession | undefined;
let server: HostileServer | undefined;
let home: string | undefined;

beforeAll(() => assertBuilt());
afterEach(async () => {
  session?.kill();
  session = undefined;
  await server?.close();
  server = undefined;
  if (home) rmSync(home, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  home = undefined;
});

function paneTitle(s: TmuxSession): string {
  return s.tmux(['display-message', '-p', '-t', 'main', '#{pane_title}']).trim();
}

/** Every tmux paste buffer's content ('' when there is none). */
function buffers(s: TmuxSession): string {
  try {
    return s.tmux(['list-buffers', '-F', '#{buffer_sample}']);
  } catch {
    return '';
  }
}

describe('hostile text in a real terminal', () => {
  it('OSC 0 and OSC 52 in cluster IDs, DB names and tags set neither the title nor the clipboard, and show as pictures', async () => {
    server = await startHostileServer({
      DescribeClusters: () => ({
        body: queryResponse(
          'DescribeClusters',
          clustersResult([
            { id: `title${OSC0}`, dbName: `db${OSC52}`, address: 'title.example.com', tags: { [OSC0]: OSC52 } },
            { id: `clip${OSC52}`, dbName: `db${OSC0}`, address: 'clip.example.com', tags: { [OSC0]: OSC52 } },
            { id: 'plain-cluster', dbName: 'dev', address: 'plain.example.com' },
          ]),
        ),
      }),
    });
    home = mkdtempSync(join(tmpdir(), 'idc-hostile-home-'));
    session = TmuxSession.start(`node ${shellQuote(binPath)} --endpoint-url ${shellQuote(server.url)} --clipboard osc52`, {
      columns: 170,
      rows: 30,
      cwd: repoRoot,
      serverOptions: [['set-clipboard', 'on']],
      env: {
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_CACHE_HOME: join(home, '.cache'),
        XDG_STATE_HOME: join(home, '.state'),
        AWS_ACCESS_KEY_ID: 'AKIDHOSTILETEST',
        AWS_SECRET_ACCESS_KEY: 'hostile-test-secret',
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL_STS: server.url,
        AWS_CONFIG_FILE: '/nonexistent/config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });
    const before = paneTitle(session);
    const screen = await session.waitFor('plain-cluster');
    // the rows (cells cut to their columns), and the detail pane of the highlighted cluster with its tag
    // the ID column is as wide as the IDs as shown: neither is cut
    expect(screen).toContain(`title␛]0;${TITLE}␇ `);
    expect(screen).toContain(`clip␛]52;c;${CLIP}␇ `);
    expect(screen).toContain('db␛]52;c;');
    expect(screen).toContain('db␛]0;PWNED');
    expect(screen).toContain(`Tags      ␛]0;${TITLE}␇=␛]52;c;`);
    // the tag is wider than the pane: Ink cuts it at the edge between whole characters
    const tags = (screen.split('\n').find((l) => l.includes('Tags      ')) ?? '').trimEnd();
    const shown = tags.slice(tags.indexOf('Tags      '));
    expect(shown).toMatch(/…$/u);
    expect(`Tags      ␛]0;${TITLE}␇=␛]52;c;${CLIP}␇`.startsWith(shown.slice(0, -1))).toBe(true);
    expect(paneTitle(session)).toBe(before);
    expect(paneTitle(session)).not.toContain(TITLE);
    expect(buffers(session)).toBe('');

    session.send('q');
    expect(await session.exitStatus()).toBe(0);
    expect(paneTitle(session)).not.toContain(TITLE);
    expect(buffers(session)).toBe('');
  });
});
