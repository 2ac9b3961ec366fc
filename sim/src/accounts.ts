import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { SignJWT, jwtVerify } from 'jose';
import type { Store } from './store.ts';
import type { UserRecord } from './model.ts';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const TOKEN_LIFETIME_S = 24 * 60 * 60;

/** An auth failure the master reports as HTTP 200 `{"success":false,"message"}`. */
export class AccountError extends Error {}

export interface PublicUser {
  email: string;
  name: string;
  visit_count: number;
  created_at: string;
}

export function publicUser(user: UserRecord): PublicUser {
  return { email: user.email, name: user.name, visit_count: user.visit_count, created_at: user.created_at };
}

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32);
  return `scrypt:${salt.toString('hex')}:${hash.toString('hex')}`;
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [, saltHex, hashHex] = stored.split(':');
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** Users, password checks and the HS256 session token. */
export class Accounts {
  constructor(private readonly store: Store) {}

  async register(name: string, email: string, password: string): Promise<UserRecord> {
    if (!name || !email || !password) throw new AccountError('Name, email, and password are required');
    if (password.length < 6) throw new AccountError('Password must be at least 6 characters');
    if (this.store.users.has(email)) throw new AccountError('user with this email already exists');
    const now = new Date().toISOString();
    const user: UserRecord = { email, name, password_hash: await hashPassword(password), visit_count: 0, created_at: now, updated_at: now };
    // Re-check: another registration may have finished while hashing.
    if (this.store.users.has(email)) throw new AccountError('user with this email already exists');
    this.store.users.set(email, user);
    this.store.commit('users');
    return user;
  }

  /** Verifies the password, counts the visit (on disk before returning) and issues a token. */
  async login(email: string, password: string): Promise<{ user: UserRecord; token: string; expires: Date }> {
    const user = this.store.users.get(email);
    if (!user || !(await passwordMatches(password, user.password_hash))) throw new AccountError('Invalid email or password');
    user.visit_count += 1;
    user.updated_at = new Date().toISOString();
    this.store.commit('users');
    const issuedAt = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ email: user.email, name: user.name })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_S)
      .sign(this.store.jwtSecret);
    return { user, token, expires: new Date((issuedAt + TOKEN_LIFETIME_S) * 1000) };
  }

  /** The token's email, or null for a forged, malformed or expired token. */
  async verify(token: string): Promise<string | null> {
    try {
      const { payload } = await jwtVerify(token, this.store.jwtSecret, { algorithms: ['HS256'] });
      return typeof payload['email'] === 'string' ? payload['email'] : null;
    } catch {
      return null;
    }
  }

  find(email: string): UserRecord | undefined {
    return this.store.users.get(email);
  }
}
