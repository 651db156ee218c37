/** Failed logins counted under one key (`login:<name>` or `addr:<ip>`) within a time window. */
export interface ThrottleRecord {
  readonly key: string;
  readonly failures: number;
  readonly windowStartedAt: Date;
  readonly lockedUntil: Date | null;
}

/**
 * Where failed-login counts live. In Postgres, so every app node sees the same counts.
 * Each method is one atomic statement.
 */
export interface LoginThrottleStore {
  /** The records of these keys that exist. */
  get(keys: readonly string[]): Promise<ThrottleRecord[]>;
  /**
   * Adds one failure to `key`, starting a new window (failures = 1) when the current one began
   * before `windowStart`. Returns the updated record.
   */
  recordFailure(key: string, at: Date, windowStart: Date): Promise<ThrottleRecord>;
  lock(key: string, until: Date): Promise<void>;
  clear(key: string): Promise<void>;
}
