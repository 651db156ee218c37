import base from '../../tooling/jest/base.js';
export default { ...base, displayName: 'codec-jscontact' };
