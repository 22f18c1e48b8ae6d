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

export function eventExtent(
	e: Pick<IncidentEvent, 'start' | 'end' | 'precision' | 'approximate'>
): {
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
		return {
			start,
			end,
			extent: [start, addCalendar(last, offset, e.precision, 1)],
			shape: 'period'
		};
	}
	const margin = e.approximate ? APPROXIMATE_MARGIN[e.precision] : 0;
	return {
		start,
		end,
		extent: [start - margin, (end ?? start) + margin],
		shape: end !== null ? 'range' : 'instant'
	};
}
