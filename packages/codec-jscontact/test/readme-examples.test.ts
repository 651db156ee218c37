// README.md's examples run here; the convention is in tooling/jest/readme-examples.js.
import { describeReadmeExamples } from '../../../tooling/jest/readme-examples.js';

describeReadmeExamples(import.meta.url, {
  minBlocks: 4,
  dependencies: { '@almanac/codec-vcard': () => import('@almanac/codec-vcard') },
});
