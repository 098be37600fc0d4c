import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedshiftApi, type AwsRedshiftApi } from '../../src/aws/redshift-api.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { App } from '../../src/ui/app.js';
import { envCredentials, isolatedAwsHome, type AwsHome } from '../aws/aws-env.js';
import { selfSignedCert } from '../emulator/helpers.js';
import { closedPort, startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js';
import { FakeClipboard, ManualClock } from './fakes.js';
import { waitForText } from './wait-for-frame.js';

/** The message area of the real app, over the real SDK, when the network between it and Redshift has a proxy in it. */

const HOST = 'redshift.proxy-only.test';

let home: AwsHome;
let api: AwsRedshiftApi | undefined;
let proxy: ForwardProxy | undefined;
let emulator: RunningEmulator | undefined;

beforeEach(() => {
  home = isolatedAwsHome(envCredentials);
});
afterEach(async () => {
  api?.destroy();
  await proxy?.close();
  await emulator?.close();
  api = proxy = emulator = undefined;
  home.restore();
});

function renderWith(endpointUrl: string) {
  api = createRedshiftApi({ endpointUrl, maxAttempts: 1 });
  const clock = new ManualClock(Date.now());
  return render(
    <App
      api={api}
      clipboard={new FakeClipboard()}
      now={clock.now}
      setTick={clock.setTick}
      context={{ profile: 'default', region: 'us-east-1', endpoint: endpointUrl }}
      rows={30}
      columns={200}
      onExit={() => {}}
    />,
  );
}

describe('a network error through a proxy', () => {
  it('names the proxy in the message when the proxy cannot be reached, its password masked', async () => {
    const port = await closedPort();
    process.env['HTTPS_PROXY'] = `http://dana:p4ss-secret@127.0.0.1:${port}`;
    const r = renderWith(`https://${HOST}`);
    const frame = await waitForText(r.lastFrame, 'Could not list clusters', 10_000);
    expect(frame).toContain(`Could not list clusters: Cannot reach the proxy http://***:***@127.0.0.1:${port} (from HTTPS_PROXY): connection refused.`);
    expect(frame).toContain('Check HTTPS_PROXY and that the proxy is running; hosts to reach without it go in NO_PROXY. Ctrl-R reloads the list.');
    expect(frame).not.toContain('p4ss-secret');
    r.unmount();
  });

  it('names the proxy on the detail line when the failure is past it', async () => {
    emulator = await startEmulator({ tls: selfSignedCert([HOST]) });
    proxy = await startForwardProxy({ names: { [HOST]: '127.0.0.1' } });
    process.env['HTTPS_PROXY'] = proxy.url;
    const r = renderWith(`https://${HOST}:${emulator.port}`);
    const frame = await waitForText(r.lastFrame, 'Could not list clusters', 10_000);
    const lines = frame.split('\n');
    const message = lines.findIndex((line) => line.includes('Could not list clusters'));
    expect(lines[message]).toContain(`The TLS certificate of https://${HOST}:${emulator.port} is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT).`);
    expect(lines[message + 1]?.trim()).toMatch(new RegExp(`^Through the proxy ${proxy.url} \\(from HTTPS_PROXY\\)\\. Pass --ca-bundle`, 'u'));
    r.unmount();
  });
});
