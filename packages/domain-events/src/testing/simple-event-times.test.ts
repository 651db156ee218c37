import { describeEventTimesContract } from './event-times-contract.js';
import { SimpleEventTimes } from './simple-event-times.js';

describeEventTimesContract('simple', new SimpleEventTimes(), { expands: false });
