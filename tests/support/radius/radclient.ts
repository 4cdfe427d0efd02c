import { spawn } from 'node:child_process';

export const RADCLIENT_BINARY = process.env.RADCLIENT_BINARY ?? '/usr/bin/radclient';

export type RadiusCode =
  | 'Access-Accept'
  | 'Access-Reject'
  | 'Access-Challenge'
  | 'Accounting-Response'
  | 'CoA-ACK'
  | 'CoA-NAK'
  | 'Disconnect-ACK'
  | 'Disconnect-NAK';

export interface RadiusReply {
  code: RadiusCode;
  /** Reply attributes by dictionary name; values as radclient prints them, unquoted. */
  attributes: Record<string, string[]>;
  /** radclient's whole output, for failure messages. */
  output: string;
}

/** Attribute name to one value or several (sent in order). */
export type RadiusAttributes = Record<string, string | number | (string | number)[]>;

interface Target {
  port: number;
  secret: string;
  host?: string;
  timeoutSeconds?: number;
  retries?: number;
}

export interface AccessRequest extends Target {
  username: string;
  password: string;
  attributes?: RadiusAttributes;
}

export interface AccountingRequest extends Target {
  statusType: 'Start' | 'Interim-Update' | 'Stop' | 'Accounting-On' | 'Accounting-Off';
  username: string;
  sessionId: string;
  nasIp?: string;
  framedIp?: string;
  inputOctets?: number;
  outputOctets?: number;
  sessionTime?: number;
  terminateCause?: string;
  attributes?: RadiusAttributes;
}

/** Sends an Access-Request (PAP) and returns whatever came back. */
export function accessRequest(request: AccessRequest): Promise<RadiusReply> {
  return send('auth', request, {
    'User-Name': request.username,
    'User-Password': request.password,
    'NAS-IP-Address': '127.0.0.1',
    ...request.attributes,
  });
}

/** Sends an Accounting-Request; resolves once the server acknowledged it with an Accounting-Response. */
export async function accountingRequest(request: AccountingRequest): Promise<RadiusReply> {
  const optional: RadiusAttributes = {};
  if (request.framedIp !== undefined) optional['Framed-IP-Address'] = request.framedIp;
  if (request.inputOctets !== undefined) optional['Acct-Input-Octets'] = request.inputOctets;
  if (request.outputOctets !== undefined) optional['Acct-Output-Octets'] = request.outputOctets;
  if (request.sessionTime !== undefined) optional['Acct-Session-Time'] = request.sessionTime;
  if (request.terminateCause !== undefined) optional['Acct-Terminate-Cause'] = request.terminateCause;
  const reply = await send('acct', request, {
    'Acct-Status-Type': request.statusType,
    'User-Name': request.username,
    'Acct-Session-Id': request.sessionId,
    'NAS-IP-Address': request.nasIp ?? '127.0.0.1',
    ...optional,
    ...request.attributes,
  });
  if (reply.code !== 'Accounting-Response') {
    throw new Error(`expected Accounting-Response, got ${reply.code}:\n${reply.output}`);
  }
  return reply;
}

/** Sends a Status-Server to the auth port; resolves with the reply (Access-Accept when alive). */
export function statusServer(target: Target): Promise<RadiusReply> {
  return send('status', target, { 'Message-Authenticator': '0x00' });
}

/** `Name = "value"` lines, values quoted with backslash escapes. */
export function attributeLines(attributes: RadiusAttributes): string {
  const quote = (value: string | number) => `"${String(value).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return Object.entries(attributes)
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${name} = ${quote(v)}`))
    .join('\n');
}

/** Reads the "Received <code> Id ..." block of `radclient -x` output. */
export function parseRadclientOutput(output: string): Omit<RadiusReply, 'output'> | undefined {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => /^Received \S+ Id /.test(line));
  if (start < 0) return undefined;
  const code = lines[start]!.split(' ')[1] as RadiusCode;
  const attributes: Record<string, string[]> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+([\w.-]+) = (.*)$/.exec(line);
    if (!match) break;
    const [, name, raw] = match as unknown as [string, string, string];
    const value = /^".*"$/.test(raw) ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    (attributes[name] ??= []).push(value);
  }
  return { code, attributes };
}

function send(command: 'auth' | 'acct' | 'status', target: Target, attributes: RadiusAttributes): Promise<RadiusReply> {
  const args = [
    '-x',
    '-r', String(target.retries ?? 2),
    '-t', String(target.timeoutSeconds ?? 2),
    `${target.host ?? '127.0.0.1'}:${target.port}`,
    command,
    target.secret,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(RADCLIENT_BINARY, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => {
      const parsed = parseRadclientOutput(output);
      if (parsed) resolve({ ...parsed, output });
      else reject(new Error(`radclient ${command} to port ${target.port} got no reply (exit ${status}):\n${output}`));
    });
    child.stdin.end(`${attributeLines(attributes)}\n`);
  });
}
