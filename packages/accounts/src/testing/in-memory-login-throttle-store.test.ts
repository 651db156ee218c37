import { describeLoginThrottleStoreContract } from './login-throttle-store-contract.js';
import { InMemoryLoginThrottleStore } from './in-memory-login-throttle-store.js';

describeLoginThrottleStoreContract('in-memory', async () => ({ store: new InMemoryLoginThrottleStore(), dispose: async () => {} }));
