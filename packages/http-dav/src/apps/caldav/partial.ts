import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import type { CompSelection } from '../../xml/requests/calendar-data.js';
import { childComponents, compName, propName } from './jcal.js';

/** RFC 4791 §9.6.4 `novalue`: the property with an empty value of its type. */
function withoutValue(p: JCalProperty): JCalProperty {
  return [p[0], p[1], 'text', ''];
}

/**
 * RFC 4791 §9.6.1: the parts of a component a `CALDAV:comp` asks for. `allprop` or no `prop` keeps
 * every property (RFC 4791's own example 7.8.1 returns `<C:comp name="VTIMEZONE"/>` whole);
 * `allcomp` or no `comp` keeps every sub-component as it is; listed sub-components are cut in turn,
 * unlisted ones dropped.
 *
 * @example selectParts(vcalendar, { name: 'VCALENDAR', allProps: false, props: [{ name: 'VERSION', novalue: false }], allComps: true, comps: [] })
 */
export function selectParts(component: JCalComponent, selection: CompSelection): JCalComponent {
  const props = selection.allProps || selection.props.length === 0
    ? component[1]
    : component[1].flatMap((p) => {
      const chosen = selection.props.find((c) => c.name === propName(p));
      if (!chosen) return [];
      return [chosen.novalue ? withoutValue(p) : p];
    });
  const comps = selection.allComps || selection.comps.length === 0
    ? childComponents(component)
    : childComponents(component).flatMap((c) => {
      const chosen = selection.comps.find((s) => s.name === compName(c));
      return chosen ? [selectParts(c, chosen)] : [];
    });
  return [component[0], props, comps];
}
