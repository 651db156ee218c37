import { describe, expect, it } from '@jest/globals';
import { davHarness } from './harness.js';
import { hrefsIn, readMultistatus } from './multistatus-reader.js';

const CALDAV = 'urn:ietf:params:xml:ns:caldav';

describe('the DAV router on an in-memory store', () => {
  it('finds the principal, the homes and the collections as clients do', async () => {
    const h = await davHarness();
    const root = await h.dav('PROPFIND', '/', '<A:propfind xmlns:A="DAV:"><A:prop><A:current-user-principal/></A:prop></A:propfind>', { Depth: '0' });
    expect(root.status).toBe(207);
    expect(hrefsIn(readMultistatus(root.text)['/']!.props[200]!['{DAV:}current-user-principal'])).toEqual(['/principals/users/alice/']);
    const principal = readMultistatus((await h.dav('PROPFIND', '/principals/users/alice/', undefined, { Depth: '0' })).text)['/principals/users/alice/']!;
    expect(hrefsIn(principal.props[200]![`{${CALDAV}}calendar-home-set`])).toEqual(['/alice/']);
    expect(hrefsIn(principal.props[200]!['{DAV:}group-membership'])).toEqual(['/principals/groups/team/']);
    const home = readMultistatus((await h.dav('PROPFIND', '/alice/', '<propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>', { Depth: '1' })).text);
    expect(Object.keys(home)).toEqual(['/alice/', '/alice/addressbook/', '/alice/calendar/', '/alice/infolog/', '/alice/inbox/', '/alice/outbox/']);
  });

  it('reads any prefix, redeclared prefixes, default namespaces and xmlns="" alike', async () => {
    const h = await davHarness();
    const bodies = [
      '<propfind xmlns="DAV:"><prop><displayname/><getctag xmlns="http://calendarserver.org/ns/"/><nons xmlns=""/></prop></propfind>',
      '<X:propfind xmlns:X="DAV:"><X:prop><X:displayname/><X:getctag xmlns:X="http://calendarserver.org/ns/"/><nons/></X:prop></X:propfind>',
      '<a:propfind xmlns:a="DAV:" xmlns:b="http://calendarserver.org/ns/"><a:prop xmlns="urn:unused"><a:displayname/><b:getctag/><nons xmlns=""/></a:prop></a:propfind>',
    ];
    const seen = [];
    for (const body of bodies) {
      const r = readMultistatus((await h.dav('PROPFIND', '/alice/calendar/', body, { Depth: '0' })).text)['/alice/calendar/']!;
      seen.push([Object.keys(r.props[200]!).sort(), Object.keys(r.props[404]!)]);
    }
    expect(seen).toEqual(Array(3).fill([['{DAV:}displayname', '{http://calendarserver.org/ns/}getctag'], ['nons']]));
  });

  it('tells same local names in different namespaces apart', async () => {
    const h = await davHarness();
    const body = '<propfind xmlns="DAV:"><prop><displayname/><displayname xmlns="urn:other"/></prop></propfind>';
    const r = readMultistatus((await h.dav('PROPFIND', '/alice/calendar/', body, { Depth: '0' })).text)['/alice/calendar/']!;
    expect(Object.keys(r.props[200]!)).toEqual(['{DAV:}displayname']);
    expect(Object.keys(r.props[404]!)).toEqual(['{urn:other}displayname']);
  });

  it('leaves out the target with Prefer: depth-noroot (RFC 8144 §2.2)', async () => {
    const h = await davHarness();
    const r = readMultistatus((await h.dav('PROPFIND', '/alice/', '<propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>', { Depth: '1', Prefer: 'depth-noroot' })).text);
    expect(Object.keys(r)).not.toContain('/alice/');
    expect(Object.keys(r)).toContain('/alice/calendar/');
  });

  it('serves the tree below a base path', async () => {
    const h = await davHarness({ basePath: '/dav' });
    const r = readMultistatus((await h.dav('PROPFIND', '/dav/alice/', '<propfind xmlns="DAV:"><prop><owner/></prop></propfind>', { Depth: '1' })).text);
    expect(hrefsIn(r['/dav/alice/calendar/']!.props[200]!['{DAV:}owner'])).toEqual(['/dav/principals/users/alice/']);
  });

  it('lists no members and refuses resource URLs of a collection whose app has no DAV form', async () => {
    const h = await davHarness({ apps: {} });
    const r = readMultistatus((await h.dav('PROPFIND', '/alice/calendar/', undefined, { Depth: '1' })).text);
    expect(Object.keys(r)).toEqual(['/alice/calendar/']);
    expect((await h.dav('GET', '/alice/calendar/x.ics')).status).toBe(501);
  });
});
