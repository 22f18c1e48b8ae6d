/**
 * Turns model events into timeline items: instants in ms, the lane each belongs to, and the
 * extent its time really covers. A date-only event covers its whole day; an approximate clock
 * time covers a margin either side. Drawing that extent keeps vague times from looking exact.
 */
import type { IncidentEvent, Party } from '../model/schema';
import type { ExtentShape } from '../model/extent';
import { eventExtent, eventFade } from '../model/extent';
import type { LaneMode } from '../url/view-state';

export interface TimelineItem {
	id: string;
	title: string;
	lane: string;
	start: number;
	end: number | null;
	/** The span of time the mark stands for: [start, end], a whole day, or a margin of doubt. */
	extent: [number, number];
	/** instant: a point in time; range: has an end; period: known only to a day/month/year. */
	shape: ExtentShape;
	approximate: boolean;
	disputed: boolean;
	/**
	 * Earliest/latest bounds drawn as a fade, in ms: [from, full, fullUntil, to] (see
	 * eventFade), or null for an event without bounds.
	 */
	fade?: [number, number, number, number] | null;
}

export { APPROXIMATE_MARGIN, eventExtent, eventFade } from '../model/extent';

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
	const items: TimelineItem[] = new Array(events.length);
	for (let i = 0; i < events.length; i++) {
		const e = events[i]!;
		// Each field named, not spread from the extent: one object per event, not two.
		const x = eventExtent(e);
		items[i] = {
			id: e.id,
			title: e.title,
			lane: laneOf(e, mode, partyById),
			approximate: e.approximate,
			disputed: e.disputed,
			fade: eventFade(e),
			start: x.start,
			end: x.end,
			extent: x.extent,
			shape: x.shape
		};
	}
	return items;
}
