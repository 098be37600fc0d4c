import { parseCommandLine, type CliOptions } from './options.js';
import { routeProcessWarnings } from './process-warnings.js';
import { reportError } from './report-error.js';

export async function run(argv: readonly string[]): Promise<void> {
  const debug = argv.includes('--debug');
  routeProcessWarnings(debug ? (line) => process.stderr.write(`${line}\n`) : undefined);
  try {
    if (argv[0] === 'emulator') {
      const { startEmulatorCli } = await import('../emulator/server.js');
      await startEmulatorCli([...argv.slice(1)]);
      return;
    }
    const { command, stdout } = parseCommandLine(argv);
    if (command.kind === 'printed') {
      process.stdout.write(stdout);
      return;
    }
    process.exitCode = await runInteractive(command.options);
  } catch (err) {
    process.exitCode = reportError(err, debug);
  }
}

async function runInteractive(options: CliOptions): Promise<number> {
  const demo = options.demo ? await (await import('./demo.js')).startDemo(options) : undefined;
  const effective = demo?.options ?? options;
  try {
    const [{ createRedshiftApi, describeContext }, { systemClipboard }, { runTui }] = await Promise.all([
      import('../aws/redshift-api.js'),
      import('../clipboard/system-clipboard.js'),
      import('./run-tui.js'),
    ]);
    const clientOptions = { profile: effective.profile, region: effective.region, endpointUrl: effective.endpointUrl };
    const context = await describeContext(clientOptions);
    const { code } = await runTui({
      api: createRedshiftApi(clientOptions),
      clipboard: systemClipboard(),
      context: demo ? { ...context, profile: 'demo' } : context,
      initialSelection: effective.clusterIds,
    });
    return code;
  } finally {
    await demo?.close();
  }
}
