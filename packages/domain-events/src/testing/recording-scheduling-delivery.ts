import type { SchedulingDelivery, SchedulingMessage } from '../ports/scheduling-delivery.js';

/** A SchedulingDelivery that keeps every message, for tests; `fail` makes `send` reject. */
export class RecordingSchedulingDelivery implements SchedulingDelivery {
  readonly sent: SchedulingMessage[] = [];
  fail = false;

  async send(message: SchedulingMessage): Promise<void> {
    if (this.fail) throw new Error('delivery failed');
    this.sent.push(message);
  }
}
