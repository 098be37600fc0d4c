import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedshiftApi, type AwsRedshiftApi } from '../../src/aws/redshift-api.js';
import { envCredentials, isolatedAwsHome, type AwsHome } from '../aws/aws-env.js';
import { clustersResult, queryResponse, startHostileServer, type HostileHandler, type HostileServer } from '../support/hostile-server.js';
import { KEYS, renderApp } from './render-app.js';
import { waitForFrame, waitForText, waitUntil } from './wait-for-frame.js';

/** The real AWS layer (SDK, HTTP) against the hostile server, under the real App. */
let home: AwsHome;
let server: HostileServer | undefined;
let api: AwsRedshiftApi | undefined;
beforeEach(() => {
  home = isolatedAwsHome(envCredentials);
});
afterEach(async () => {
  cleanup();
  api?.destroy();
  api = undefined;
  await server?.close();
  server = undefined;
  home.restore();
});

const CAPTIVE_PORTAL = '<!DOCTYPE html><html><body>Sign in to the hotel Wi-Fi</body></html>';

async function renderAgainst(handlers: Record<string, HostileHandler>) {
  server = await startHostileServer(handlers);
  api = createRedshiftApi({ endpointUrl: server.url, maxAttempts: 1 });
  return renderApp({ columns: 220, props: { api } });
}

const requests = (action: string) => server?.requests.filter((r) => r.action === action).length ?? 0;

describe('an unreadable answer on screen: an error, the app keeps running, retry works', () => {
  it('a captive portal instead of DescribeClusters is an error, not "No clusters"; Ctrl-R lists again', async () => {
    const r = await renderAgainst({
      DescribeClusters: (req) =>
        req.count === 1
          ? { body: CAPTIVE_PORTAL, headers: { 'Content-Type': 'text/html' } }
          : { body: queryResponse('DescribeClusters', clustersResult([{ id: 'plain-cluster' }])) },
    });
    const frame = await waitForText(r.lastFrame, "Could not list clusters: could not read Redshift's answer: DescribeClusters got an HTML page");
    expect(frame).not.toContain('No clusters in this account and region.');
    expect(frame).toContain('No clusters listed.');
    expect(frame).toContain('Ctrl-R reloads the list.');
    r.stdin.write(KEYS.ctrlR);
    await waitForFrame(r.lastFrame, (f) => f.includes('plain-cluster') && !f.includes('Could not list'), { what: 'the list after Ctrl-R' });
    expect(requests('DescribeClusters')).toBe(2);
  });

  it('a captive portal instead of the token: "No token", the selection kept, Enter tries again', async () => {
    const r = await renderAgainst({
      GetIdentityCenterAuthToken: (req) =>
        req.count === 1
          ? { body: CAPTIVE_PORTAL }
          : {
              body: queryResponse(
                'GetIdentityCenterAuthToken',
                `<Token>eyJhbGciOiJIUzI1NiJ9.second-try.c2ln</Token><ExpirationTime>${new Date(Date.now() + 3_600_000).toISOString()}</ExpirationTime>`,
              ),
            },
    });
    await waitForText(r.lastFrame, 'plain-cluster');
    r.stdin.write(KEYS.space);
    await waitForText(r.lastFrame, '1/20');
    r.stdin.write(KEYS.enter);
    const frame = await waitForText(r.lastFrame, "No token: could not read Redshift's answer: GetIdentityCenterAuthToken got an HTML page");
    expect(frame).toContain('Enter tries again.');
    expect(frame).toContain('1/20');
    expect(frame).toContain('● plain-cluster');
    r.stdin.write(KEYS.enter);
    await waitForText(r.lastFrame, 'Remaining');
    await waitUntil(() => requests('GetIdentityCenterAuthToken') === 2, 'a second token request');
    expect(server?.requests.at(-1)?.params.get('ClusterIds.ClusterIdentifier.1')).toBe('plain-cluster');
  });

  it('a Marker that comes back: the clusters already listed stay, with the error under them', async () => {
    const r = await renderAgainst({
      DescribeClusters: (req) => ({
        body: queryResponse('DescribeClusters', clustersResult([{ id: `page-${req.count}-cluster` }], req.count < 25 ? 'stuck-marker' : undefined)),
      }),
    });
    const frame = await waitForText(r.lastFrame, 'Could not list clusters: Redshift sent the same DescribeClusters Marker twice');
    expect(frame).toContain('page-1-cluster');
    expect(frame).not.toContain('page-2-cluster');
    expect(requests('DescribeClusters')).toBe(2);
  });
});
