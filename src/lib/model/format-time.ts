/**
 * How times are written for people: every clock time names its zone, approximate times say
 * "about", and date-only events show only the date (never a fake midnight).
 */
import type { Incident, IncidentEvent } from './schema';
import {
	clock,
	dayLabel,
	formatOffset,
	monthLabel,
	parseInstant,
	statedOffset,
	toWall,
	wallParts,
	zoneOffset,
	MONTHS
} from './time';

/**
 * A choice in the time-zone menu, as links name it: "incident", "utc", "local" (the reader's own)
 * or the id of one of the incident's own extra zones.
 */
export type ZoneId = string;

export interface ZoneChoice {
	id: ZoneId;
	/** IANA zone name. */
	zone: string;
	/** Short name written after clock times: the incident's label, "UTC", an extra zone's label. */
	label: string;
}

/** The choices a link may name for an incident: its own zone, UTC, its extra zones, the reader's. */
export function zoneIds(incident: Pick<Incident, 'zones'>): Set<ZoneId> {
	return new Set(['incident', 'utc', ...(incident.zones ?? []).map((z) => z.id), 'local']);
}

/**
 * The zones offered in the selector: the incident's own, UTC, the extra zones its data lists,
 * and the reader's own.
 */
export function zoneChoices(
	incident: Pick<Incident, 'timeZone' | 'timeZoneLabel' | 'zones'>,
	viewerZone = 'UTC'
): ZoneChoice[] {
	const city = viewerZone.split('/').pop()?.replace(/_/g, ' ') ?? viewerZone;
	return [
		{ id: 'incident', zone: incident.timeZone, label: incident.timeZoneLabel },
		{ id: 'utc', zone: 'UTC', label: 'UTC' },
		...(incident.zones ?? []).map(({ id, zone, label }) => ({ id, zone, label })),
		{
			id: 'local',
			zone: viewerZone,
			label: viewerZone === 'UTC' ? 'UTC (your zone)' : `${city} (your zone)`
		}
	];
}

/** How the menu names a choice: "Lisbon (UTC+1)", "Berlin, your zone (UTC+2)", "UTC". */
export function zoneMenuLabel(choice: ZoneChoice, at: number): string {
	const name =
		choice.id === 'local' ? choice.label.replace(' (your zone)', ', your zone') : choice.label;
	if (choice.zone === 'UTC') return name;
	return `${name} (${formatOffset(zoneOffset(at, choice.zone))})`;
}

const isClockPrecision = (e: Pick<IncidentEvent, 'precision'>) =>
	e.precision === 'minute' || e.precision === 'hour';

/** A date-only time, read in the offset the source stated it in (so 17 Sep stays 17 Sep). */
function statedWall(iso: string): number {
	return parseInstant(iso) + statedOffset(iso) * 60_000;
}

function dateText(e: Pick<IncidentEvent, 'start' | 'end' | 'precision'>): string {
	const s = statedWall(e.start);
	if (e.precision === 'year') return String(wallParts(s).year);
	if (e.precision === 'month') {
		if (!e.end) return monthLabel(s);
		const en = statedWall(e.end);
		return monthLabel(s) === monthLabel(en)
			? monthLabel(s)
			: `${monthLabel(s)} – ${monthLabel(en)}`;
	}
	if (!e.end) return dayLabel(s);
	const en = statedWall(e.end);
	const a = wallParts(s);
	const b = wallParts(en);
	if (dayLabel(s) === dayLabel(en)) return dayLabel(s);
	if (a.year === b.year && a.month === b.month)
		return `${a.day}–${b.day} ${MONTHS[a.month]} ${a.year}`;
	if (a.year === b.year)
		return `${a.day} ${MONTHS[a.month]} – ${b.day} ${MONTHS[b.month]} ${a.year}`;
	return `${dayLabel(s)} – ${dayLabel(en)}`;
}

function clockText(e: Pick<IncidentEvent, 'start' | 'end'>, zone: string, label: string): string {
	const s = toWall(parseInstant(e.start), zone);
	if (!e.end) return `${clock(s)} ${label}, ${dayLabel(s, true)}`;
	const en = toWall(parseInstant(e.end), zone);
	if (dayLabel(s) === dayLabel(en))
		return `${clock(s)}–${clock(en)} ${label}, ${dayLabel(s, true)}`;
	return `${clock(s)} ${label}, ${dayLabel(s, true)} – ${clock(en)}, ${dayLabel(en, true)}`;
}

/** "about 16:25 Lisbon, Sat 17 Sep 2016" in the chosen zone; dates alone for coarse times. */
export function formatEventTime(
	e: Pick<IncidentEvent, 'start' | 'end' | 'precision' | 'approximate'>,
	zone: ZoneChoice
): string {
	const text = isClockPrecision(e) ? clockText(e, zone.zone, zone.label) : dateText(e);
	return e.approximate ? `about ${text}` : text;
}

/** The same time in UTC, or null for date-only events (a date has no single UTC equivalent). */
export function formatEventTimeUtc(
	e: Pick<IncidentEvent, 'start' | 'end' | 'precision' | 'approximate'>
): string | null {
	if (!isClockPrecision(e)) return null;
	return (e.approximate ? 'about ' : '') + clockText(e, 'UTC', 'UTC');
}

/** What a reader should know about how precise the time is. */
export function describePrecision(
	e: Pick<IncidentEvent, 'precision' | 'approximate' | 'sourceTimeZone' | 'start'>
): string {
	const exact = {
		minute: 'to the minute',
		hour: 'to the hour',
		day: 'date only',
		month: 'month only',
		year: 'year only'
	}[e.precision];
	const how = e.approximate ? `approximate, ${exact}` : exact;
	const zone = e.sourceTimeZone
		? `source's zone: ${e.sourceTimeZone.replace(/_/g, ' ')} (${formatOffset(zoneOffset(parseInstant(e.start), e.sourceTimeZone))})`
		: 'the source gave no time zone';
	return `${how}; ${zone}`;
}

/** Compact time for a window caption: "17 Sep 2016 15:00 – 18:00 Lisbon". */
export function formatWindow(from: number, to: number, zone: ZoneChoice): string {
	const a = toWall(from, zone.zone);
	const b = toWall(to, zone.zone);
	const span = to - from;
	if (span > 2 * 86_400_000 * 30) return `${monthLabel(a)} – ${monthLabel(b)}`;
	if (span > 2 * 86_400_000) return `${dayLabel(a)} – ${dayLabel(b)}`;
	if (dayLabel(a) === dayLabel(b))
		return `${dayLabel(a, true)}, ${clock(a)}–${clock(b)} ${zone.label}`;
	return `${dayLabel(a)} ${clock(a)} – ${dayLabel(b)} ${clock(b)} ${zone.label}`;
}

/**
 * A date as precise as it was given, as people read it: "2015-10-19" → "19 Oct 2015",
 * "2015-10" → "Oct 2015", "2015" stays. Used for when a claim was made or a source published.
 */
export function formatDate(value: string): string {
	const [y, m, d] = value.split('-').map(Number);
	return [d, m ? MONTHS[m - 1] : '', y].filter(Boolean).join(' ');
}

/** "between 16:25 and 16:45 Lisbon, Sat 17 Sep 2016", "no later than 13:50 …", in the zone. */
function boundsText(
	b: { earliest?: string; latest?: string },
	zone: string,
	label: string
): string {
	const lo = b.earliest === undefined ? null : toWall(parseInstant(b.earliest), zone);
	const hi = b.latest === undefined ? null : toWall(parseInstant(b.latest), zone);
	const at = (w: number) => `${clock(w)} ${label}, ${dayLabel(w, true)}`;
	if (lo !== null && hi !== null)
		return dayLabel(lo) === dayLabel(hi)
			? `between ${clock(lo)} and ${clock(hi)} ${label}, ${dayLabel(lo, true)}`
			: `between ${at(lo)} and ${clock(hi)}, ${dayLabel(hi, true)}`;
	if (lo !== null) return `no earlier than ${at(lo)}`;
	return hi !== null ? `no later than ${at(hi)}` : '';
}

/**
 * What an event's earliest/latest bounds say, in words and in the chosen zone: "between 16:25
 * and 16:45 Lisbon, Sat 17 Sep 2016"; for a range, "start …; end …". Null without bounds.
 */
export function formatEventBounds(
	e: Pick<IncidentEvent, 'end' | 'startBounds' | 'endBounds'>,
	zone: Pick<ZoneChoice, 'zone' | 'label'>
): string | null {
	const parts: string[] = [];
	if (e.startBounds)
		parts.push(`${e.end ? 'start ' : ''}${boundsText(e.startBounds, zone.zone, zone.label)}`);
	if (e.endBounds && e.end) parts.push(`end ${boundsText(e.endBounds, zone.zone, zone.label)}`);
	return parts.length ? parts.join('; ') : null;
}

/**
 * For an exported figure's caption: the events shown whose times are known only within
 * bounds, and what the bounds are. Empty when none is.
 */
export function boundedTimesNote(
	events: Pick<IncidentEvent, 'title' | 'end' | 'startBounds' | 'endBounds'>[],
	zone: Pick<ZoneChoice, 'zone' | 'label'>,
	max = 4
): string {
	const lines: string[] = [];
	let more = 0;
	for (const e of events) {
		const text = formatEventBounds(e, zone);
		if (!text) continue;
		if (lines.length < max) lines.push(`${e.title}: ${text}`);
		else more++;
	}
	if (!lines.length) return '';
	return `Times known only within bounds: ${lines.join('; ')}${more ? `; and ${more} more` : ''}.`;
}
