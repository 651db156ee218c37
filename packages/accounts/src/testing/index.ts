export { InMemoryLoginThrottleStore } from './in-memory-login-throttle-store.js';
export { describeLoginThrottleStoreContract } from './login-throttle-store-contract.js';
