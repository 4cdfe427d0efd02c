import { createServer } from 'node:net';

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    what: string,
    hint = '',
  ) {
    super(`Port ${port} (${what}) is already in use${hint ? `: ${hint}` : ''}`);
    this.name = 'PortInUseError';
  }
}

/** Resolves true when nothing listens on host:port (checked by binding it briefly). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function assertPortFree(port: number, what: string, host = '127.0.0.1', hint = ''): Promise<void> {
  if (!(await isPortFree(port, host))) throw new PortInUseError(port, what, hint);
}
