export * from './errors.js';
export type * from './ports/password-hasher.js';
export type * from './ports/login-throttle-store.js';
export { ScryptPasswordHasher, DEFAULT_SCRYPT_COST, type ScryptCost } from './scrypt-password-hasher.js';
export { randomSecret, generatePassword, sha256, constantTimeEqual } from './secrets.js';
export { LoginThrottle, DEFAULT_THROTTLE_POLICY, failureDelayMs, type ThrottlePolicy } from './login-throttle.js';
export {
  createAppToken, revokeAppToken, listAppTokens, parseTokenText, formatTokenText, type CreateAppTokenInput,
} from './app-tokens.js';
export { Authenticator, type Authentication, type AuthenticatorDeps, type BearerVerifier, type Credentials } from './authenticator.js';
export {
  addUser, setPassword, deleteUser, addGroup, addGroupMember, setGrant, ensureInitialAdmin, requireUser, requirePrincipal,
  type AddUserInput, type AdminDeps,
} from './admin.js';
