import { describeEventTimesContract } from '@almanac/domain-events/testing';
import { CodecEventTimes } from './codec-event-times.js';

describeEventTimesContract('codec', new CodecEventTimes(), { expands: true });
