#!/usr/bin/python3
"""Independent recurrence oracle for the Almanac tests: Debian's python3-recurring-ical-events.

Reads JSON from stdin: {"cases": [{"id", "ics", "from", "to", "floatingZone", "uid"?}]} (from/to
are UTC ISO instants), prints JSON {"<id>": [[startUTC, endUTC], ...] or {"error": "..."}} with
the instances of the VEVENTs (only those with UID `uid` if given) that overlap [from, to), as UTC
ISO strings, sorted.

Floating date-times and dates are read in floatingZone (a date as its midnight), with zoneinfo's
fold=0: an ambiguous wall time is its first occurrence, a missing one uses the offset before the
gap (RFC 5545 section 3.3.5).
"""
import datetime
import json
import sys
from zoneinfo import ZoneInfo

try:
    import icalendar
    import recurring_ical_events
except ImportError as error:  # the test turns this into a clear failure
    print(json.dumps({"__missing__": str(error)}))
    sys.exit(0)

UTC = datetime.timezone.utc


def parse_instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def to_utc(value, floating):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=floating)
        return value.astimezone(UTC)
    return datetime.datetime(value.year, value.month, value.day, tzinfo=floating).astimezone(UTC)


def iso(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def run(case):
    floating = ZoneInfo(case.get("floatingZone") or "UTC")
    calendar = icalendar.Calendar.from_ical(case["ics"])
    start = parse_instant(case["from"])
    stop = parse_instant(case["to"])
    # Query a day wider on both sides in the floating zone's terms, then filter exactly: the
    # library compares floating values with aware bounds in its own way.
    wide_start = (start - datetime.timedelta(days=2)).replace(tzinfo=None)
    wide_stop = (stop + datetime.timedelta(days=2)).replace(tzinfo=None)
    found = []
    uid = case.get("uid")
    for event in recurring_ical_events.of(calendar).between(wide_start, wide_stop):
        if uid is not None and str(event.get("UID")) != uid:
            continue
        begin = to_utc(event["DTSTART"].dt, floating)
        end_prop = event.get("DTEND")
        end = to_utc(end_prop.dt, floating) if end_prop is not None else begin
        if end > begin:
            inside = begin < stop and end > start
        else:
            inside = start <= begin < stop
        if inside:
            found.append([iso(begin), iso(end)])
    found.sort()
    return found


def main():
    request = json.load(sys.stdin)
    results = {}
    for case in request["cases"]:
        try:
            results[case["id"]] = run(case)
        except Exception as error:  # report per case, keep going
            results[case["id"]] = {"error": "%s: %s" % (type(error).__name__, error)}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
