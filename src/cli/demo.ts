import type { AwsClientOptions } from '../aws/client-options.js';
import type { CliOptions } from './options.js';

export interface DemoSetup {
  options: CliOptions;
  /** Also for the AWS clients: STS on the emulator too, and no proxy between this process and its own emulator. */
  client: Pick<AwsClientOptions, 'stsEndpointUrl' | 'direct'>;
  close(): Promise<void>;
}

/** Starts the embedded emulator and points the options at it with demo credentials. */
export async function startDemo(options: CliOptions): Promise<DemoSetup> {
  const { startEmulator } = await import('../emulator/server.js');
  const emulator = await startEmulator({});
  process.env.AWS_ACCESS_KEY_ID = 'AKIAIDCTUIDEMO000000';
  process.env.AWS_SECRET_ACCESS_KEY = 'idc-tui-demo-secret';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  return {
    options: { ...options, profile: undefined, region: options.region ?? 'us-east-1', endpointUrl: emulator.url },
    client: { stsEndpointUrl: emulator.url, direct: true },
    close: () => emulator.close(),
  };
}
