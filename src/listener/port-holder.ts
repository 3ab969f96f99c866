import { readFile, readdir, readlink } from 'node:fs/promises';

export interface PortHolder {
  pid: number;
  command: string;
}

/** The inode of the socket listening on `port` in a /proc/net/tcp{,6} table (state 0A = LISTEN). */
function listeningInode(table: string, port: number): string | undefined {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields[1]?.endsWith(`:${portHex}`) && fields[3] === '0A') return fields[9];
  }
  return undefined;
}

/**
 * Which process holds a busy port, when Linux's /proc tells cheaply (only processes we may look
 * into are seen). Anything else — another OS, no permission — answers undefined: the message
 * then just names the port.
 */
export async function findPortHolder(port: number, proc = '/proc'): Promise<PortHolder | undefined> {
  try {
    const tables = await Promise.all(
      ['tcp', 'tcp6'].map((name) => readFile(`${proc}/net/${name}`, 'utf8').catch(() => '')),
    );
    const inode = tables.map((table) => listeningInode(table, port)).find((found) => found && found !== '0');
    if (!inode) return undefined;
    const wanted = `socket:[${inode}]`;
    for (const entry of await readdir(proc)) {
      if (!/^\d+$/.test(entry)) continue;
      const fds = await readdir(`${proc}/${entry}/fd`).catch(() => [] as string[]);
      for (const fd of fds) {
        if ((await readlink(`${proc}/${entry}/fd/${fd}`).catch(() => '')) !== wanted) continue;
        const command = (await readFile(`${proc}/${entry}/comm`, 'utf8').catch(() => '?')).trim();
        return { pid: Number(entry), command };
      }
    }
  } catch {
    // Not Linux, or /proc is hidden: the port number alone has to do.
  }
  return undefined;
}
