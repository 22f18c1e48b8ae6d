/**
 * The span of time an event really covers: a date-only event covers its whole day (month,
 * year); an approximate clock time covers a margin either side. The timeline draws it and the
 * validator uses it to check that a briefing step's window shows the events it focuses.
 */
import type { IncidentEvent } from './schema.ts';
import { parseInstant, statedOffset } from './time.ts';

const M = 60_000;
/** How far either side of an "about HH:MM" time the soft extent reaches. */
export const APPROXIMATE_MARGIN = { minute: 10 * M, hour: 30 * M } as const;

export type ExtentShape = 'instant' | 'range' | 'period';

/** Adds n calendar units to an instant, counted on the wall clock the source stated. */
function addCalendar(
	t: number,
	offsetMin: number,
	unit: 'day' | 'month' | 'year',
	n: number
): number {
	const d = new Date(t + offsetMin * M);
	if (unit === 'day') d.setUTCDate(d.getUTCDate() + n);
	if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
	if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() + n);
	return d.getTime() - offsetMin * M;
}

/** What the extent, period and fade of an event are computed from. */
export type TimedEvent = Pick<IncidentEvent, 'start' | 'end' | 'precision' | 'approximate'> &
	Partial<Pick<IncidentEvent, 'startBounds' | 'endBounds'>>;

/**
 * The period an instant names at its precision, [from, to) in ms: its minute or hour, or its
 * whole day, month or year on the wall clock of the offset it was written in.
 */
export function periodOf(iso: string, precision: IncidentEvent['precision']): [number, number] {
	const t = parseInstant(iso);
	if (precision === 'minute') return [t, t + M];
	if (precision === 'hour') return [t, t + 60 * M];
	return [t, addCalendar(t, statedOffset(iso), precision, 1)];
}

const boundMs = (iso: string | undefined) => (iso === undefined ? undefined : parseInstant(iso));

/** The earliest and latest the event's start and end bounds allow, in ms (undefined: open). */
function boundsOf(e: TimedEvent): { lo?: number; hi?: number } {
	const lo = boundMs(e.startBounds?.earliest);
	const hi = e.end === undefined ? boundMs(e.startBounds?.latest) : boundMs(e.endBounds?.latest);
	return { lo, hi };
}

export function eventExtent(e: TimedEvent): {
	start: number;
	end: number | null;
	extent: [number, number];
	shape: ExtentShape;
} {
	const start = parseInstant(e.start);
	const end = e.end ? parseInstant(e.end) : null;
	if (e.precision === 'day' || e.precision === 'month' || e.precision === 'year') {
		const offset = statedOffset(e.start);
		const last = end ?? start;
		const periodEnd = addCalendar(last, offset, e.precision, 1);
		// Bounds may reach beyond the day (an "overnight" event dated to the morning).
		const { lo, hi } = e.startBounds || e.endBounds ? boundsOf(e) : {};
		return {
			start,
			end,
			extent: [Math.min(start, lo ?? start), Math.max(periodEnd, hi ?? periodEnd)],
			shape: 'period'
		};
	}
	const margin = e.approximate ? APPROXIMATE_MARGIN[e.precision] : 0;
	const last = end ?? start;
	// Bounds, where given, say how far the doubt reaches on their side instead of the margin.
	const { lo, hi } = e.startBounds || e.endBounds ? boundsOf(e) : {};
	return {
		start,
		end,
		extent: [Math.min(start, lo ?? start - margin), Math.max(last, hi ?? last + margin)],
		shape: end !== null ? 'range' : 'instant'
	};
}

/** How wide the soft edges of a bounded date-only event are, as a share of its bounds. */
const PERIOD_RAMP = 0.2;

/**
 * The fade the timeline draws for an event with earliest/latest bounds, in ms:
 * [from, full, fullUntil, to]. It is clear at `from` and `to` (the bounds) and strongest from
 * `full` to `fullUntil`: at the event's own instant (or over its range), or, for a date-only
 * event, over the middle of its bounds. Null for an event without bounds.
 */
export function eventFade(e: TimedEvent): [number, number, number, number] | null {
	if (!e.startBounds && !e.endBounds) return null;
	const start = parseInstant(e.start);
	const end = e.end === undefined ? null : parseInstant(e.end);
	const { lo, hi } = boundsOf(e);
	if (e.precision === 'day' || e.precision === 'month' || e.precision === 'year') {
		const from = lo ?? start;
		const to = hi ?? periodOf(e.end ?? e.start, e.precision)[1];
		if (!(to > from)) return null;
		const ramp = (to - from) * PERIOD_RAMP;
		return [from, from + ramp, to - ramp, to];
	}
	const last = end ?? start;
	const from = Math.min(lo ?? start, start);
	const to = Math.max(hi ?? last, last);
	return from === start && to === last ? null : [from, start, last, to];
}
