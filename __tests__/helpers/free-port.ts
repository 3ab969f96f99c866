import { createServer, type Server } from 'node:net';

/** Holds a loopback port until closed: a port another program is using. */
export function holdPort(host = '127.0.0.1'): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      resolve({ server, port: address.port });
    });
  });
}

export const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));

/** A port nobody listens on: taken from the system, then released. */
export async function deadPort(host = '127.0.0.1'): Promise<number> {
  const { server, port } = await holdPort(host);
  await closeServer(server);
  return port;
}

/** True when a new listener can bind the port right now. */
export async function canListen(port: number, host = '127.0.0.1'): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
