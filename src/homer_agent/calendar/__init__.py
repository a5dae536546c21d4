"""The brokers' calls: call hours and free slots, booking, CalDAV sync, the iCalendar feed.

- `hours`: whether a call fits the profile's call hours; the nearest free slots.
- `booking`: what `schedule_call` decides for a requested time (booked, past, outside
  call hours, busy, missing hour), with the alternatives and the pt-BR sentence.
- `caldav_sync`: one VEVENT per lead in the brokers' CalDAV calendar, pushed once.
- `feed`: upcoming calls as rows and as an RFC 5545 feed.
"""
