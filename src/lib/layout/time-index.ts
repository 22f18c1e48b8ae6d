/**
 * A time index over timeline items, so that the work of drawing a frame follows what is in the
 * window rather than how many events the incident has.
 *
 * Items are split by lane, then by duration class (extent lengths within a factor of two of
 * each other), and each class is sorted by the start of its extent. An item of class k is at
 * most 2^(k+1) ms long, so every item overlapping [t0, t1] starts in [t0 − 2^(k+1), t1]: two
 * binary searches per class find them all, and counting them needs no search beyond that.
 * Built once when the filters change (O(N log N)); queried every frame in O(log N + visible).
 */
import { bisectLeft, bisectRight } from 'd3-array';
import type { TimelineItem } from './items';
import type { ExtentShape } from '../model/extent';

/** An item's shape as a number, in the columns below: its index here. */
export const SHAPES: readonly ExtentShape[] = ['instant', 'range', 'period'];
export const INSTANT = 0;
export const RANGE = 1;
export const PERIOD = 2;

interface DurationClass {
	/** Every item in the class is at most this long, ms. */
	maxLength: number;
	/** Sorted by extent start. */
	items: TimelineItem[];
	/** items[i].extent[0], for binary search without touching the objects. */
	starts: Float64Array;
	/** items[i].extent[1]: which of them reach into a window, without touching them either. */
	ends: Float64Array;
	/**
	 * items[i].start, .end (NaN for none) and shape (see SHAPES): what the layout reads of
	 * every item in view, in arrays side by side rather than from thousands of objects (and
	 * their extents' arrays) spread over the heap, which a frame otherwise fetches cold.
	 */
	begins: Float64Array;
	finishes: Float64Array;
	shapes: Uint8Array;
}

export interface LaneIndex {
	classes: DurationClass[];
	size: number;
	/** The lane's extent starts, sorted, and its extent ends, sorted (see countLane). */
	starts: Float64Array;
	ends: Float64Array;
}

export interface TimeIndex {
	lanes: Map<string, LaneIndex>;
	byId: Map<string, TimelineItem>;
	size: number;
	/** Every item's extent start, sorted; and every extent end, sorted (see countOverlapping). */
	starts: Float64Array;
	ends: Float64Array;
}

function classOf(length: number): number {
	return length <= 0 ? 0 : Math.max(0, Math.ceil(Math.log2(length)));
}

export function buildTimeIndex(items: readonly TimelineItem[]): TimeIndex {
	// One sort by extent start (items arrive in time order, so it is nearly free), then each
	// lane, class and array is filled in that order: none needs sorting again, only the ends.
	const sorted = [...items].sort((a, b) => a.extent[0] - b.extent[0]);
	const n = sorted.length;
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	const byLane = new Map<string, { items: TimelineItem[]; classes: Map<number, TimelineItem[]> }>();
	for (let i = 0; i < n; i++) {
		const item = sorted[i]!;
		starts[i] = item.extent[0];
		ends[i] = item.extent[1];
		let lane = byLane.get(item.lane);
		if (!lane) byLane.set(item.lane, (lane = { items: [], classes: new Map() }));
		lane.items.push(item);
		const k = classOf(item.extent[1] - item.extent[0]);
		const list = lane.classes.get(k);
		if (list) list.push(item);
		else lane.classes.set(k, [item]);
	}
	ends.sort();
	const lanes = new Map<string, LaneIndex>();
	for (const [id, lane] of byLane) {
		const classes: DurationClass[] = [];
		for (const [k, list] of [...lane.classes].sort((a, b) => a[0] - b[0])) {
			const m = list.length;
			const c: DurationClass = {
				maxLength: k === 0 ? 0 : 2 ** k,
				items: list,
				starts: new Float64Array(m),
				ends: new Float64Array(m),
				begins: new Float64Array(m),
				finishes: new Float64Array(m),
				shapes: new Uint8Array(m)
			};
			for (let i = 0; i < m; i++) {
				const item = list[i]!;
				c.starts[i] = item.extent[0];
				c.ends[i] = item.extent[1];
				c.begins[i] = item.start;
				c.finishes[i] = item.end ?? NaN;
				c.shapes[i] = item.shape === 'instant' ? INSTANT : item.shape === 'range' ? RANGE : PERIOD;
			}
			classes.push(c);
		}
		const m = lane.items.length;
		const laneStarts = new Float64Array(m);
		const laneEnds = new Float64Array(m);
		for (let i = 0; i < m; i++) {
			laneStarts[i] = lane.items[i]!.extent[0];
			laneEnds[i] = lane.items[i]!.extent[1];
		}
		laneEnds.sort();
		lanes.set(id, { classes, size: m, starts: laneStarts, ends: laneEnds });
	}
	// Looked up only for the few pinned items (the selection, a briefing's focus): built the
	// first time one is asked for, not for every incident opened.
	let byId: Map<string, TimelineItem> | null = null;
	return {
		lanes,
		get byId() {
			return (byId ??= new Map(items.map((item) => [item.id, item])));
		},
		size: n,
		starts,
		ends
	};
}

/** Exactly how many items of the lane overlap [t0, t1]: two binary searches (see below). */
export function countLane(lane: LaneIndex | undefined, t0: number, t1: number): number {
	return lane ? Math.max(0, upperBound(lane.starts, t1) - lowerBound(lane.ends, t0)) : 0;
}

/**
 * Exactly how many items, over every lane, overlap [t0, t1]: those starting by t1, less those
 * that ended before t0 (which all started before t0 too). Two binary searches, whatever N is.
 */
export function countOverlapping(index: TimeIndex, t0: number, t1: number): number {
	return Math.max(0, upperBound(index.starts, t1) - lowerBound(index.ends, t0));
}

/** First index whose value is >= t. */
export function lowerBound(a: Float64Array, t: number): number {
	return bisectLeft(a, t);
}

/**
 * First index at or after `from` whose value is >= t, for a sorted array: galloping from
 * `from` (steps of 1, 2, 4, …) and then a binary search, so walking bin by bin through a
 * window costs the log of each bin's count rather than of the whole array.
 */
export function lowerBoundFrom(a: Float64Array, t: number, from: number): number {
	let lo = from;
	if (lo >= a.length || a[lo]! >= t) return lo;
	let step = 1;
	let hi = lo + 1;
	while (hi < a.length && a[hi]! < t) {
		lo = hi;
		step *= 2;
		hi = lo + step;
	}
	// a[lo] < t, and a[hi] >= t or hi is the end.
	return bisectLeft(a, t, lo + 1, Math.min(hi, a.length));
}

/** First index whose value is > t. */
export function upperBound(a: Float64Array, t: number): number {
	return bisectRight(a, t);
}

/** Every item of the lane whose extent overlaps [t0, t1], in no particular order. */
export function queryLane(lane: LaneIndex | undefined, t0: number, t1: number): TimelineItem[] {
	return gatherLane(lane, t0, t1, laneItems(0)).items;
}

/**
 * The items of a lane in a window, as columns (see DurationClass): the same items in the same
 * order as queryLane, and for each its extent, start, end and shape. Scratch space, filled
 * again by each gatherLane.
 */
export interface LaneItems {
	n: number;
	items: TimelineItem[];
	ext0: Float64Array;
	ext1: Float64Array;
	start: Float64Array;
	end: Float64Array;
	shape: Uint8Array;
}

export function laneItems(capacity = 256): LaneItems {
	return {
		n: 0,
		items: [],
		ext0: new Float64Array(capacity),
		ext1: new Float64Array(capacity),
		start: new Float64Array(capacity),
		end: new Float64Array(capacity),
		shape: new Uint8Array(capacity)
	};
}

/** Scratch for gatherLane: each class's range of candidates, as [from, to) pairs. */
const classSpans: number[] = [];

/** Fills `into` with every item of the lane whose extent overlaps [t0, t1] (see queryLane). */
export function gatherLane(
	lane: LaneIndex | undefined,
	t0: number,
	t1: number,
	into: LaneItems
): LaneItems {
	const g = into;
	g.n = 0;
	g.items.length = 0;
	if (!lane) return g;
	let need = 0;
	const spans = classSpans;
	spans.length = 0;
	for (const c of lane.classes) {
		const from = lowerBound(c.starts, t0 - c.maxLength);
		const to = upperBound(c.starts, t1);
		spans.push(from, to);
		need += Math.max(0, to - from);
	}
	if (g.ext0.length < need) {
		const m = Math.max(need, g.ext0.length * 2);
		g.ext0 = new Float64Array(m);
		g.ext1 = new Float64Array(m);
		g.start = new Float64Array(m);
		g.end = new Float64Array(m);
		g.shape = new Uint8Array(m);
	}
	let n = 0;
	for (let k = 0; k < lane.classes.length; k++) {
		const c = lane.classes[k]!;
		for (let i = spans[2 * k]!, to = spans[2 * k + 1]!; i < to; i++) {
			if (c.ends[i]! < t0) continue;
			g.items.push(c.items[i]!);
			g.ext0[n] = c.starts[i]!;
			g.ext1[n] = c.ends[i]!;
			g.start[n] = c.begins[i]!;
			g.end[n] = c.finishes[i]!;
			g.shape[n] = c.shapes[i]!;
			n++;
		}
	}
	g.n = n;
	return g;
}

/**
 * How many items of the lane start in each of n equal bins over [t0, t1). Where marks can no
 * longer be told apart this is what the lane shows: O(n · classes · log N), whatever N is.
 */
export function binCounts(
	lane: LaneIndex | undefined,
	t0: number,
	t1: number,
	n: number
): Uint32Array {
	const counts = new Uint32Array(n);
	if (!lane || n <= 0 || !(t1 > t0)) return counts;
	const step = (t1 - t0) / n;
	for (const c of lane.classes) {
		let prev = lowerBound(c.starts, t0);
		// Items that began before the window and reach into it are counted in the first bin.
		for (let i = lowerBound(c.starts, t0 - c.maxLength); i < prev; i++)
			if (c.ends[i]! >= t0) counts[0]!++;
		for (let i = 0; i < n; i++) {
			const next = lowerBoundFrom(c.starts, i === n - 1 ? t1 : t0 + (i + 1) * step, prev);
			counts[i]! += next - prev;
			prev = next;
		}
	}
	return counts;
}
