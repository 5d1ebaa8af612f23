import { hash, verify } from '@node-rs/argon2';
import { badInput } from '../errors.js';

/** argon2id with the library defaults (OWASP: m=19 MiB, t=2, p=1); the parameters live in the hash. */
export const hashPassword = (password: string): Promise<string> => hash(password);

// Verified against when the account does not exist, so a missing user costs the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$K0TW2QKKO+h1tTJPgJFsYg$KoJmRDH4glzBKzjpP8LNQYVr3CLNqJQrv26I/SIoyDY';

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(stored ?? DUMMY_HASH, password);
    return stored !== null && ok;
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 12;

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw badInput(`password must be at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  if (password.length > 256) throw badInput('password must be at most 256 characters', 'password');
}
