/**
 * Turns model events into timeline items: instants in ms, the lane each belongs to, and the
 * extent its time really covers. A date-only event covers its whole day; an approximate clock
 * time covers a margin either side. Drawing that extent keeps vague times from looking exact.
 */
import type { IncidentEvent, Party } from '../model/schema';
import { parseInstant, statedOffset } from '../model/time';

export type LaneMode = 'side' | 'category' | 'party';
export const LANE_MODES: LaneMode[] = ['side', 'category', 'party'];

export interface TimelineItem {
	id: string;
	title: string;
	lane: string;
	start: number;
	end: number | null;
	/** The span of time the mark stands for: [start, end], a whole day, or a margin of doubt. */
	extent: [number, number];
	/** instant: a point in time; range: has an end; period: known only to a day/month/year. */
	shape: 'instant' | 'range' | 'period';
	approximate: boolean;
	disputed: boolean;
}

const M = 60_000;
/** How far either side of an "about HH:MM" time the soft extent reaches. */
export const APPROXIMATE_MARGIN = { minute: 10 * M, hour: 30 * M } as const;

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
	shape: TimelineItem['shape'];
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

export function laneOf(
	e: Pick<IncidentEvent, 'category' | 'parties'>,
	mode: LaneMode,
	partyById: Map<string, Pick<Party, 'side'>>
): string {
	if (mode === 'category') return e.category;
	const primary = e.parties[0]!.party;
	if (mode === 'party') return primary;
	return partyById.get(primary)?.side ?? 'unknown';
}

export function toItems(
	events: IncidentEvent[],
	mode: LaneMode,
	partyById: Map<string, Pick<Party, 'side'>>
): TimelineItem[] {
	return events.map((e) => ({
		id: e.id,
		title: e.title,
		lane: laneOf(e, mode, partyById),
		approximate: e.approximate,
		disputed: e.disputed,
		...eventExtent(e)
	}));
}
