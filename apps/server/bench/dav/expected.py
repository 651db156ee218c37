#!/usr/bin/python3
"""The calendar-query answer the DAV benchmark expects, computed independently of Almanac.

    /usr/bin/python3 expected.py DIR START END    (START/END: 20261201T000000Z)

Reads every .ics file in DIR, expands its recurring events with python3-recurring-ical-events
(RRULE, EXDATE, RECURRENCE-ID overrides) and prints as JSON the names of the files with at least one
instance overlapping [START, END) under RFC 4791 §9.9: start < END and end > START, or for a
zero-length instance START <= start < END. Floating times and dates are read as UTC (no
calendar-timezone is set on the benchmark's collections).
"""
import datetime
import importlib.metadata
import json
import os
import sys

import icalendar
import recurring_ical_events

UTC = datetime.timezone.utc


def utc(value):
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return datetime.datetime(value.year, value.month, value.day, tzinfo=UTC)


def instance_bounds(vevent):
    start = vevent["DTSTART"].dt
    if "DTEND" in vevent:
        end = vevent["DTEND"].dt
    elif "DURATION" in vevent:
        end = start + vevent["DURATION"].dt
    elif isinstance(start, datetime.datetime):
        end = start
    else:
        end = start + datetime.timedelta(days=1)
    return utc(start), utc(end)


def overlaps(start, end, range_start, range_end):
    if end > start:
        return start < range_end and end > range_start
    return range_start <= start < range_end


def main(folder, start_text, end_text):
    parse = lambda t: datetime.datetime.strptime(t, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    range_start, range_end = parse(start_text), parse(end_text)
    # A window two days wider on each side: the library's span test is not RFC 4791's.
    window = (range_start - datetime.timedelta(days=2), range_end + datetime.timedelta(days=2))
    matches, instances = [], 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ics"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        hits = [b for b in map(instance_bounds, recurring_ical_events.of(calendar).between(*window)) if overlaps(*b, range_start, range_end)]
        if hits:
            matches.append(name)
            instances += len(hits)
    json.dump({"matches": matches, "instances": instances, "library": "recurring_ical_events " + importlib.metadata.version("recurring_ical_events")}, sys.stdout)


if __name__ == "__main__":
    main(*sys.argv[1:4])
