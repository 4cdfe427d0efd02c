import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const FORMAT = 'v1';

/** A 32-byte key from 64 hex digits or base64 / base64url text; undefined when it is not one. */
export function parseCredentialsKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

/** A short public fingerprint of a key, stored with each ciphertext so a rotated key can be found. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('dotmac-network-credentials:').update(key).digest('hex').slice(0, 12);
}

/**
 * Seals device secrets with AES-256-GCM. A sealed value reads `v1:<keyId>:<iv>:<tag>:<ciphertext>`
 * (base64url parts); `context` (e.g. `device:<id>:password`) is bound as associated data, so a
 * ciphertext copied onto another row or field does not decrypt. Older keys may be given to read
 * values sealed before a rotation; new values always use the current key.
 */
export class CredentialCipher {
  readonly keyId: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(
    private readonly currentKey: Buffer,
    previousKeys: readonly Buffer[] = [],
  ) {
    if (currentKey.length !== KEY_BYTES) throw new Error('A credentials key is 32 bytes');
    this.keyId = keyIdOf(currentKey);
    for (const key of [currentKey, ...previousKeys]) this.keys.set(keyIdOf(key), key);
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.currentKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
  }

  open(sealed: string, context: string): string {
    const [format, keyId, iv, tag, body] = sealed.split(':');
    if (format !== FORMAT || !keyId || iv === undefined || tag === undefined || body === undefined) throw new Error('Not a sealed credential');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`Credential sealed with unknown key ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Key id of a sealed value (to find values still sealed with a retired key). */
  static keyIdOfSealed(sealed: string): string | undefined {
    return sealed.split(':')[1];
  }
}
