export { SimpleEventTimes } from './simple-event-times.js';
export { RecordingSchedulingDelivery } from './recording-scheduling-delivery.js';
export { describeEventTimesContract } from './event-times-contract.js';
