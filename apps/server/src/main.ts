import { configFromEnv } from './config.ts';
import { startServer } from './server.ts';

const config = configFromEnv();
const server = await startServer(config);

let signals = 0;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    // A second signal while shutting down means "now".
    if (++signals > 1) process.exit(1);
    server.logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
