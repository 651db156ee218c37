export { canonicalXml, xmlEquals, assertXmlEqual, type CanonicalXmlOptions } from './canonical-xml.js';
export { textDavApp, propertyOf, type TextData } from './text-dav-app.js';
