import type { CredentialVerifier } from '../security/authentication.js';
import { sha256 } from './crypto.js';

/**
 * The synchronous verifier the hardening layer asks (production introspection, rate-limit
 * buckets). Its contract forbids I/O, so it answers from credentials this process verified
 * against the database in the last minute (auth.plugin.ts records them). A credential is never
 * trusted for longer than that after it was last checked: a revoked token stops counting
 * within a minute, and the real authorization of every request still reads the database.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const verified = new Map<string, number>();

export function rememberVerified(kind: 'session' | 'bearer', secret: string): void {
  if (verified.size >= MAX_ENTRIES) verified.delete(verified.keys().next().value as string);
  verified.set(`${kind}:${sha256(secret)}`, Date.now() + TTL_MS);
}

const check = (kind: 'session' | 'bearer', secret: string): boolean => {
  const key = `${kind}:${sha256(secret)}`;
  const until = verified.get(key);
  if (until === undefined) return false;
  if (until < Date.now()) {
    verified.delete(key);
    return false;
  }
  return true;
};

export const identityCredentials: CredentialVerifier = Object.freeze({
  session: (value: string) => check('session', value),
  bearer: (token: string) => check('bearer', token),
});
