export { createTestDatabase, postgresUnavailable, testStoreKinds, type TestDatabase, type TestStoreKind } from './test-database.js';
