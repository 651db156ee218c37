"""A CalDAV session of Debian's python3-caldav against a running Almanac server.

Usage: /usr/bin/python3 python_caldav_scenario.py <base-url> <login> <password>

Discovers the principal and its calendars, saves events and todos, searches them by date range
(with and without server-side expansion), edits, completes and deletes them, and prints what it
saw as one JSON object on stdout for the test to check. Any exception fails the run (exit 1).
"""
import json
import sys
from datetime import datetime, timezone

import caldav
from caldav.lib import error

BASE, LOGIN, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
UTC = timezone.utc


def event(uid, start, end, summary, extra=""):
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//python3-caldav interop//EN\r\n"
        "BEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\nSUMMARY:{summary}\r\n{extra}"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def todo(uid, summary, extra=""):
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//python3-caldav interop//EN\r\n"
        "BEGIN:VTODO\r\n"
        f"UID:{uid}\r\nDTSTAMP:20240101T000000Z\r\nSUMMARY:{summary}\r\n{extra}"
        "END:VTODO\r\nEND:VCALENDAR\r\n"
    )


def summaries(objects):
    out = []
    for o in objects:
        for component in o.icalendar_instance.walk():
            if component.name in ("VEVENT", "VTODO"):
                out.append(str(component.get("summary")))
    return sorted(out)


def uids(objects):
    return sorted({str(c.get("uid")) for o in objects for c in o.icalendar_instance.walk() if c.name in ("VEVENT", "VTODO")})


result = {}
client = caldav.DAVClient(url=BASE + "/", username=LOGIN, password=PASSWORD)
principal = client.principal()
result["principal"] = str(principal.url)
calendars = principal.calendars()
result["calendars"] = sorted(
    ({"url": str(c.url), "name": c.get_display_name(), "components": sorted(c.get_supported_components())} for c in calendars),
    key=lambda c: c["url"],
)
events = next(c for c in calendars if str(c.url).endswith("/calendar/"))
tasks = next(c for c in calendars if "VTODO" in c.get_supported_components())

# Events: one in the week, a weekly series reaching into it, one outside.
events.save_event(event("py-single", "20300108T100000Z", "20300108T110000Z", "Single"))
events.save_event(event("py-weekly", "20291225T090000Z", "20291225T093000Z", "Weekly", "RRULE:FREQ=WEEKLY;COUNT=4\r\n"))
events.save_event(event("py-outside", "20300301T100000Z", "20300301T110000Z", "Outside"))
week = (datetime(2030, 1, 7, tzinfo=UTC), datetime(2030, 1, 14, tzinfo=UTC))
result["search_week"] = uids(events.search(start=week[0], end=week[1], event=True))
expanded = events.search(start=week[0], end=week[1], event=True, expand=True)
result["search_week_expanded"] = sorted(
    (str(c.get("uid")), c.get("dtstart").dt.isoformat(), "RRULE" in c)
    for o in expanded for c in o.icalendar_instance.walk() if c.name == "VEVENT"
)
result["date_search"] = uids(events.date_search(start=datetime(2030, 2, 1, tzinfo=UTC), end=datetime(2030, 4, 1, tzinfo=UTC)))
result["all_events"] = uids(events.events())

# Todos: due in the week, due later, without dates.
tasks.save_todo(todo("py-todo-week-0001", "Due this week", "DUE:20300109T170000Z\r\n"))
tasks.save_todo(todo("py-todo-later-0001", "Due later", "DUE:20300601T170000Z\r\n"))
tasks.save_todo(todo("py-todo-nodate-001", "No dates"))
result["todo_search_week"] = uids(tasks.search(start=week[0], end=week[1], todo=True))
result["todos_pending"] = uids(tasks.todos())

# Edit an event over its URL, with the ETag it was read with.
single = events.event_by_uid("py-single")
single.icalendar_instance.walk("VEVENT")[0]["summary"] = "Single, edited"
single.save()
result["edited_summary"] = summaries([events.event_by_uid("py-single")])

# Complete a todo: python3-caldav sets STATUS:COMPLETED and COMPLETED and saves it.
tasks.todo_by_uid("py-todo-week-0001").complete()
result["todos_pending_after_complete"] = uids(tasks.todos())
result["todos_with_completed"] = uids(tasks.todos(include_completed=True))

# Delete.
events.event_by_uid("py-outside").delete()
try:
    events.event_by_uid("py-outside")
    result["deleted_found"] = True
except error.NotFoundError:
    result["deleted_found"] = False
result["all_events_after_delete"] = uids(events.events())

print(json.dumps(result, sort_keys=True))
