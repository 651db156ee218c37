/** Turns passwords into slow salted hashes and checks them. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a hash this hasher cannot read; never throws on those. */
  verify(password: string, hash: string): Promise<boolean>;
}
