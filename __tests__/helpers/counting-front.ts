import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/** One connection through the front, as the server behind it would see it. */
export interface FrontConnection {
  openedAt: number;
  /** Bytes the client sent, up to each mark() (the index of the mark). */
  bytesBefore: number[];
  bytes: number;
  closedBy?: 'client' | 'front';
}

export interface CountingFront {
  /** `http://127.0.0.1:port` (or https:) of the front, standing in for `origin`. */
  origin(scheme: 'http' | 'https'): string;
  connections: FrontConnection[];
  /** A point in time: each connection records how many bytes its client had sent by then. */
  mark(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a local server that counts connections and the bytes clients send on
 * them, and closes a connection idle for `idleMs` as a server's keep-alive limit would (it says
 * who closed it): it sees a warm-up's connections whether they carry http or TLS.
 */
export async function startCountingFront(target: URL, idleMs = 60_000): Promise<CountingFront> {
  const connections: FrontConnection[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const record: FrontConnection = { openedAt: Date.now(), bytesBefore: [], bytes: 0 };
    connections.push(record);
    sockets.add(client);
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    let idle: NodeJS.Timeout;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        record.closedBy ??= 'front';
        client.destroy();
        upstream.destroy();
      }, idleMs);
    };
    touch();
    client.on('data', (chunk: Buffer) => {
      record.bytes += chunk.length;
      touch();
    });
    upstream.on('data', touch);
    client.on('end', () => (record.closedBy ??= 'client'));
    client.on('close', () => {
      record.closedBy ??= 'client';
      clearTimeout(idle);
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: (scheme) => `${scheme}://127.0.0.1:${port}`,
    connections,
    mark: () => connections.forEach((c) => c.bytesBefore.push(c.bytes)),
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
