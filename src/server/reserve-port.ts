import { createServer } from 'node:net';
import { AppError } from '../core/app-error.js';

/**
 * Binds the listen address before the state is loaded (minutes at scale), so a port already
 * in use is reported at once and plainly instead of as a stack trace after the load. The
 * reservation is released just before the app listens; unref'd, it never holds a process open.
 */
export async function reservePort(host: string, port: number): Promise<{ release(): Promise<void> }> {
  const server = createServer();
  server.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        reject(
          new AppError(
            'config_invalid',
            `${host}:${port} is already in use (another warden serve?): stop it, or pass --port / set server.port`,
          ),
        );
      else if (e.code === 'EACCES')
        reject(new AppError('config_invalid', `not allowed to listen on ${host}:${port}: choose a port above 1023, or pass --port`));
      else if (e.code === 'EADDRNOTAVAIL')
        reject(new AppError('config_invalid', `${host} is not an address of this machine: pass --host or set server.host`));
      else reject(e);
    });
    server.listen({ host, port, exclusive: true }, () => resolve());
  });
  return { release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
