import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureInitialAdmin } from '@almanac/accounts';
import type { Logger } from '@almanac/http-kit';
import { type AdminSocket, startAdminSocket } from './admin-socket.js';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import { buildServices, type ServiceOptions, type Services } from './services.js';
import { openStore } from './store.js';

export interface RunningServer {
  readonly server: Server;
  readonly services: Services;
  /** `http://host:port` as bound (the real port when 0 was asked for). */
  readonly url: string;
  /** Set on the first start: the generated or given admin credentials, shown once. */
  readonly initialAdmin: { login: string; password: string; generated: boolean } | undefined;
  /** Stops accepting, lets running requests finish (up to `graceMs`), then closes the store. */
  close(graceMs?: number): Promise<void>;
}

/** Opens the store, creates the first admin if needed, and listens. */
export async function startServer(config: ServerConfig, logger: Logger, options: ServiceOptions = {}): Promise<RunningServer> {
  const store = await openStore(config, 'serve');
  let adminSocket: AdminSocket | undefined;
  try {
    const services = buildServices(store, options);
    const initialAdmin = await ensureInitialAdmin(services.admin, config.adminPassword);
    const server = createServer(createApp(services, config, logger));
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => { server.off('error', reject); resolve(); });
    });
    if (store.lock) adminSocket = await startAdminSocket(config.dataDir, services, store.lock, logger);
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    let closing: Promise<void> | undefined;
    const close = (graceMs = 10_000) => (closing ??= (async () => {
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await done;
      clearTimeout(timer);
      await adminSocket?.close();
      await store.close();
    })());
    return { server, services, url: `http://${host}:${port}`, initialAdmin, close };
  } catch (err) {
    await adminSocket?.close();
    await store.close();
    throw err;
  }
}
