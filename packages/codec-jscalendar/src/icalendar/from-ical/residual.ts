import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import type { ICalComponent, ICalProperty } from '../../types/jscalendar.js';

/**
 * Collects what an iCalendar component leaves behind after conversion: raw
 * properties and subcomponents without a JSCalendar home, and facts about
 * converted properties (parameters, value types) needed to write them back
 * exactly (draft-ietf-calext-jscalendar-icalendar §5.1.1).
 */
export class Residual {
  private props: JCalProperty[] | undefined;
  private comps: JCalComponent[] | undefined;
  private converted: Record<string, ICalProperty> | undefined;
  /** Keep an (empty) iCalComponent even when nothing is left, to remember the component name. */
  always = false;

  /**
   * @param order the component's properties: kept ones are written back in
   * their original order even when kept late (after a failed conversion),
   * which keeps JSCalendar → iCalendar → JSCalendar stable.
   */
  constructor(readonly name: string, private readonly order?: readonly JCalProperty[]) {}

  keep(prop: JCalProperty): void {
    (this.props ??= []).push(prop);
  }

  keepComponent(comp: JCalComponent): void {
    (this.comps ??= []).push(comp);
  }

  /** Records how the property that became JSCalendar member `key` looked. */
  convertedProperty(key: string, prop: ICalProperty): void {
    (this.converted ??= {})[key] = prop;
  }

  hasConverted(key: string): boolean {
    return this.converted !== undefined && key in this.converted;
  }

  build(): ICalComponent | undefined {
    if (!this.props && !this.comps && !this.converted && !this.always) return undefined;
    const out: ICalComponent = { '@type': 'ICalComponent', name: this.name };
    if (this.converted) out.convertedProperties = this.converted;
    if (this.props) {
      const order = this.order;
      if (order && this.props.length > 1) {
        const pos = (p: JCalProperty) => {
          const i = order.indexOf(p);
          return i < 0 ? order.length : i;
        };
        this.props.sort((a, b) => pos(a) - pos(b));
      }
      out.properties = this.props as unknown[][];
    }
    if (this.comps) out.components = this.comps as unknown[][];
    return out;
  }
}

/** An ICalProperty describing `prop`, or undefined when nothing beyond its name is worth keeping. */
export function describeProperty(name: string, params: Record<string, string | string[]> | undefined, valueType?: string): ICalProperty | undefined {
  if (!params && !valueType) return undefined;
  const out: ICalProperty = { '@type': 'ICalProperty', name };
  if (params) out.parameters = params;
  if (valueType) out.valueType = valueType;
  return out;
}

/** The parameters of `prop` except `consumed` ones; undefined when none are left. */
export function leftoverParams(prop: JCalProperty, consumed: readonly string[]): Record<string, string | string[]> | undefined {
  let out: Record<string, string | string[]> | undefined;
  for (const key in prop[1]) {
    if (consumed.includes(key)) continue;
    (out ??= {})[key] = prop[1][key]!;
  }
  return out;
}

/** True when the property carries no parameter at all. */
export function hasNoParams(prop: JCalProperty): boolean {
  for (const _ in prop[1]) return false;
  return true;
}

/** The single string value of a property (first value, joined structured parts), or undefined. */
export function textValue(prop: JCalProperty): string | undefined {
  const v = prop[3];
  return typeof v === 'string' ? v : undefined;
}

/** First value of a (multi-valued) parameter. */
export function paramValue(prop: JCalProperty, name: string): string | undefined {
  const v = prop[1][name];
  return Array.isArray(v) ? v[0] : v;
}
