/**
 * A first look at a file being opened: what the timeline draws of each event (its extent and
 * its lane), taken once every record has passed the schema and before the records are checked
 * against each other, the last and slowest part of opening a large file. The worker sends it as
 * transferable arrays; the page draws it as a picture marked "still being checked", from which
 * nothing can be chosen, and drops it when the answer comes. It is never the incident: only
 * the answer that every check passed puts a model in the page's state.
 *
 * Pure and free of the schema library.
 */
import type { IncidentModel } from '../model/schema.ts';
import { eventExtent } from '../model/extent.ts';
import { laneOf } from '../layout/items.ts';
import type { LaneMode } from '../url/view-state.ts';

export interface PreviewColumns {
	count: number;
	/** Each event's extent, ms: where it starts and ends on the timeline. */
	from: Float64Array;
	to: Float64Array;
	/** Each event's lane, an index into `lanes`. */
	lane: Uint32Array;
	/** The lanes' names, in the order the timeline gives them. */
	lanes: string[];
	/** What the lanes are. */
	by: LaneMode;
}

/** The lanes a preview may be drawn in; anything else in the address falls back to sides. */
export function previewLaneMode(value: string | null | undefined): LaneMode {
	return value === 'party' || value === 'category' ? value : 'side';
}

/**
 * The timeline's columns of a model whose records have each passed the schema. Lanes are the
 * timeline's own (laneOf): an event's category, its first party, or that party's side, named as
 * the incident names them; an id that names nothing (which the checks still to come will
 * report) is a lane of its own, named by the id ("Unknown" for a party of no known side).
 */
export function previewColumns(
	model: Pick<IncidentModel, 'incident' | 'parties' | 'events'>,
	by: LaneMode
): PreviewColumns {
	const names = new Map<string, string>();
	if (by === 'category') for (const c of model.incident.categories) names.set(c.id, c.name);
	else if (by === 'side') for (const s of model.incident.sides) names.set(s.id, s.name);
	else for (const p of model.parties) names.set(p.id, p.name);
	const partyById = new Map(model.parties.map((p) => [p.id, p]));

	// Lanes in the incident's own order of its sides, categories or parties, then any other.
	const laneIndex = new Map<string, number>();
	const lanes: string[] = [];
	for (const [id, name] of names) {
		laneIndex.set(id, lanes.length);
		lanes.push(name);
	}
	const { events } = model;
	const count = events.length;
	const from = new Float64Array(count);
	const to = new Float64Array(count);
	const lane = new Uint32Array(count);
	const used = new Uint8Array(lanes.length);
	for (let i = 0; i < count; i++) {
		const e = events[i]!;
		const { extent } = eventExtent(e);
		from[i] = extent[0];
		to[i] = extent[1];
		const key = laneOf(e, by, partyById);
		let k = laneIndex.get(key);
		if (k === undefined) {
			k = lanes.length;
			laneIndex.set(key, k);
			lanes.push(by === 'side' && key === 'unknown' ? 'Unknown' : key);
		}
		lane[i] = k;
		if (k < used.length) used[k] = 1;
	}
	// Lanes no event is in are left out: the picture has room only for what it shows.
	const keep: number[] = [];
	for (let k = 0; k < lanes.length; k++) if (k >= used.length || used[k]) keep.push(k);
	if (keep.length === lanes.length) return { count, from, to, lane, lanes, by };
	const renumber = new Uint32Array(lanes.length);
	keep.forEach((k, j) => (renumber[k] = j));
	for (let i = 0; i < count; i++) lane[i] = renumber[lane[i]!]!;
	return { count, from, to, lane, lanes: keep.map((k) => lanes[k]!), by };
}

/** The arrays to hand over with a preview rather than copy. */
export function previewTransfer(columns: PreviewColumns): ArrayBuffer[] {
	return [columns.from.buffer, columns.to.buffer, columns.lane.buffer] as ArrayBuffer[];
}
