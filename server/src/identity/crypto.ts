import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 as lowercase hex: what is stored for session cookies and API tokens. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A random secret of `bytes` bytes, base64url (32 bytes → 43 characters). */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** JSON with object keys sorted at every level, so equal inputs hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

/**
 * API token format: `atlas_<prefix>_<secret>`; prefix 8 hex characters (shown in token lists so
 * a holder can tell tokens apart), secret 32 random bytes in base64url. Only SHA-256 of the whole
 * string is stored.
 */
export const API_TOKEN_PATTERN = /^atlas_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export function newApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const token = `atlas_${prefix}_${randomSecret(32)}`;
  return { token, prefix, hash: sha256(token) };
}
