/** The MIBs the poller reads: system, interfaces, host resources, ifXTable, entity, entity sensors. */
const POLLED_SUBTREES = ['1.3.6.1.2.1.1', '1.3.6.1.2.1.2', '1.3.6.1.2.1.25', '1.3.6.1.2.1.31', '1.3.6.1.2.1.47', '1.3.6.1.2.1.99'];

export interface SnmpdV3User {
  name: string;
  /** SHA (SHA-1) passphrase, at least 8 characters. */
  authKey: string;
  /** AES (AES-128) passphrase, at least 8 characters. */
  privKey: string;
}

export interface SnmpdSettings {
  port: number;
  community: string;
  v3User?: SnmpdV3User;
}

/** A self-contained snmpd.conf: loopback only, read-only, the poller's MIBs, quiet about each request. */
export function snmpdConfig({ port, community, v3User }: SnmpdSettings): string {
  const lines = [
    `agentAddress udp:127.0.0.1:${port}`,
    'dontLogTCPWrappersConnects yes',
    ...POLLED_SUBTREES.map((subtree) => `view pollerView included .${subtree}`),
    `rocommunity ${community} 127.0.0.1 -V pollerView`,
  ];
  if (v3User) {
    lines.push(`createUser ${v3User.name} SHA "${v3User.authKey}" AES "${v3User.privKey}"`);
    lines.push(`rouser ${v3User.name} authpriv -V pollerView`);
  }
  return `${lines.join('\n')}\n`;
}
