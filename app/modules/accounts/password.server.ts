/**
 * Password hashing with Argon2id (OWASP's first choice). Only the PHC string is
 * stored; verification is constant-time inside the library.
 */
import { hash, verify } from "@node-rs/argon2";

// OWASP's recommended minimum for Argon2id: 19 MiB, 2 iterations, 1 lane.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
