/**
 * One data file's records, followed from one version of its text to the next: which records
 * were added, which changed their text, which went. The history (diff.ts) decides what a change
 * of text means; this finds the changes without parsing or serialising the records that did not
 * change.
 *
 * A file's records are the elements of the array under its key (or, for incident.json, the one
 * value under it); each element is kept as its span in the file's text and its id. A new version
 * is laid against the old one: runs of elements whose text is as it was are found by comparing
 * slices of the two texts, in runs that double while they match, so a commit that touches a few
 * events of 100,000 compares the file at the speed of a string comparison and parses only the
 * events it touched. Where the layout around the records changed (the file reformatted), the
 * text is scanned element by element and each is compared beside whitespace with the one in its
 * place; only elements whose characters changed are parsed.
 *
 * Pure and self-contained: it keeps only the latest text, never a slice of an older one.
 */
import {
	isArrayAt,
	isCloseBracket,
	isComma,
	memberValue,
	skipSpace,
	spacedEnd,
	valueEnd,
	wordContinues
} from './json-text.ts';

/** A record whose text changed. Texts are given where the history needs them to say what changed. */
export type TextChange =
	| { id: string; change: 'added' }
	| { id: string; change: 'changed'; before: string; after: string }
	| { id: string; change: 'removed'; before: string };

/** How far past an element that no longer matches to look for the one a new element replaces. */
const LOOKAHEAD = 16;

/** One version of the file, as far as its records go. */
interface Layout {
	text: string;
	/** Where the records lie: inside the array's brackets, or the single value; -1 for none. */
	from: number;
	to: number;
	starts: Int32Array;
	ends: Int32Array;
	/** Each element's id where it is a record (an object with a string id). */
	ids: (string | undefined)[];
}

const NONE: Layout = {
	text: '',
	from: -1,
	to: -1,
	starts: new Int32Array(0),
	ends: new Int32Array(0),
	ids: []
};

/** A stretch of the new version: old elements i..j moved by `shift`, or one element of its own. */
type Piece =
	{ i: number; j: number; shift: number } | { start: number; end: number; id: string | undefined };

interface Alignment {
	pieces: Piece[];
	count: number;
	/** Where the elements end: `to`, or the array's closing bracket. */
	end: number;
	/** Old elements with no element of the same text in the new version. */
	gone: number[];
	/** New elements with no element of the same text in the old version, by index and id. */
	fresh: { at: number; id: string | undefined }[];
}

function idOf(value: unknown): string | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const id = (value as { id?: unknown }).id;
	return typeof id === 'string' ? id : undefined;
}

/**
 * The elements of text[from, to) laid against the old layout's, or null if they are not a
 * well-formed list of valid JSON values (one value where `single`). Where `closed`, the list
 * ends at the array's closing bracket instead, wherever that is.
 */
function align(
	old: Layout,
	text: string,
	from: number,
	to: number,
	single: boolean,
	closed = false
): Alignment | null {
	const { text: was, starts, ends, ids } = old;
	const n = ids.length;
	const pieces: Piece[] = [];
	const gone: number[] = [];
	const fresh: Alignment['fresh'] = [];
	let i = 0;
	let count = 0;
	let pos = from;
	// Runs of old elements found as they were: twice as long after each that matched, until
	// one does not; then half as long, and half again, until the element that differs.
	let run = 1;
	let growing = true;
	let firsts: Map<string, number> | undefined;
	for (;;) {
		pos = skipSpace(text, pos, to);
		if (closed ? isCloseBracket(text.charCodeAt(pos)) : pos >= to) break;
		if (pos >= to) return null;
		if (count > 0) {
			if (single || !isComma(text.charCodeAt(pos))) return null;
			pos = skipSpace(text, pos + 1, to);
			if (pos >= to) return null;
		}
		let matched = false;
		while (i < n) {
			const m = Math.min(run, n - i);
			const s = starts[i]!;
			const len = ends[i + m - 1]! - s;
			if (
				pos + len <= to &&
				text.slice(pos, pos + len) === was.slice(s, s + len) &&
				!wordContinues(text, pos + len)
			) {
				pieces.push({ i, j: i + m, shift: pos - s });
				i += m;
				count += m;
				pos += len;
				run = growing ? m * 2 : Math.max(1, m >> 1);
				matched = true;
				break;
			}
			if (m === 1) break;
			growing = false;
			run = m >> 1;
		}
		if (matched) continue;
		run = 1;
		growing = true;
		// The old element in its place, written with other whitespace (a reformatted file)?
		let end = i < n ? spacedEnd(text, pos, to, was, starts[i]!, ends[i]!) : -1;
		if (end >= 0) {
			pieces.push({ start: pos, end, id: ids[i] });
			i++;
		} else {
			end = valueEnd(text, pos, to);
			if (end < 0) return null;
			let value: unknown;
			try {
				value = JSON.parse(text.slice(pos, end));
			} catch {
				return null;
			}
			const id = idOf(value);
			// The old element it replaces, if one with its id is here or a little further on;
			// those passed over are gone. Otherwise it is new, and the old one stays in line.
			let j = -1;
			if (id !== undefined)
				for (let t = i; t < n && t < i + LOOKAHEAD; t++)
					if (ids[t] === id) {
						j = t;
						break;
					}
			// Further on, where many old elements went at once: only if it and the element after it
			// are both as they were there, so one record moved from afar does not pass over the rest.
			if (j < 0 && id !== undefined && i + LOOKAHEAD < n) {
				firsts ??= firstIndices(ids);
				const far = firsts.get(id) ?? -1;
				if (
					far >= i + LOOKAHEAD &&
					spacedEnd(text, pos, to, was, starts[far]!, ends[far]!) === end &&
					followedBy(text, end, to, old, far + 1)
				)
					j = far;
			}
			let same = false;
			if (j >= 0) {
				for (let t = i; t < j; t++) gone.push(t);
				same = j > i && spacedEnd(text, pos, to, was, starts[j]!, ends[j]!) === end;
				if (!same) gone.push(j);
				i = j + 1;
			}
			if (!same) fresh.push({ at: count, id });
			pieces.push({ start: pos, end, id });
		}
		count++;
		pos = end;
	}
	if (single && count !== 1) return null;
	for (let t = i; t < n; t++) gone.push(t);
	return { pieces, count, end: pos, gone, fresh };
}

/** Each id's first element. */
function firstIndices(ids: (string | undefined)[]): Map<string, number> {
	const out = new Map<string, number>();
	ids.forEach((id, t) => {
		if (id !== undefined && !out.has(id)) out.set(id, t);
	});
	return out;
}

/** Whether the old element `t` comes next in text, after the comma that follows `end`. */
function followedBy(text: string, end: number, to: number, old: Layout, t: number): boolean {
	if (t >= old.ids.length) return false;
	let at = skipSpace(text, end, to);
	if (!isComma(text.charCodeAt(at))) return false;
	at = skipSpace(text, at + 1, to);
	const len = old.ends[t]! - old.starts[t]!;
	return (
		at + len <= to &&
		text.slice(at, at + len) === old.text.slice(old.starts[t]!, old.ends[t]!) &&
		!wordContinues(text, at + len)
	);
}

/** The new layout from an alignment's pieces. */
function layoutOf(old: Layout, text: string, from: number, to: number, a: Alignment): Layout {
	const starts = new Int32Array(a.count);
	const ends = new Int32Array(a.count);
	const ids: (string | undefined)[] = new Array(a.count);
	let k = 0;
	for (const p of a.pieces) {
		if ('i' in p) {
			for (let t = p.i; t < p.j; t++, k++) {
				starts[k] = old.starts[t]! + p.shift;
				ends[k] = old.ends[t]! + p.shift;
				ids[k] = old.ids[t];
			}
		} else {
			starts[k] = p.start;
			ends[k] = p.end;
			ids[k] = p.id;
			k++;
		}
	}
	return { text, from, to, starts, ends, ids };
}

/** Where an id first and last occurs among some elements, and how often. */
interface Occurrences {
	first: number;
	last: number;
	n: number;
}

function occurrences(indices: Iterable<[number, string | undefined]>): Map<string, Occurrences> {
	const out = new Map<string, Occurrences>();
	for (const [at, id] of indices) {
		if (id === undefined) continue;
		const o = out.get(id);
		if (o) {
			o.last = at;
			o.n++;
		} else out.set(id, { first: at, last: at, n: 1 });
	}
	return out;
}

export class FileRecords {
	private layout: Layout = NONE;
	/** How many elements carry each id: a record is the last of them, as JSON.parse into a Map keeps. */
	private readonly counts = new Map<string, number>();

	/**
	 * @param key the top-level member that holds the records
	 * @param single whether it holds one record (incident.json) rather than an array of them
	 */
	constructor(
		private readonly key: string,
		private readonly single: boolean
	) {}

	/**
	 * Takes the file's next version (undefined where the file is gone) and says which records it
	 * added, changed and removed: added and changed in the order the new version first lists
	 * them, then removed in the order the old one did. Null, with nothing taken, where the text
	 * is not JSON: a file committed broken leaves its records as they were.
	 */
	update(text: string | undefined): TextChange[] | null {
		if (text === undefined) return this.take(...this.none());
		const fast = this.sameFrame(text);
		if (fast) return this.take(...fast);
		const slow = this.read(text);
		return slow ? this.take(...slow) : null;
	}

	/**
	 * The new version laid against the old where the text around the records (before the first,
	 * after the last) is as it was; null where it is not, or the records between are not a list
	 * of values, for the slow reading to settle.
	 */
	private sameFrame(text: string): [Layout, Alignment] | null {
		const old = this.layout;
		if (old.from < 0) return null;
		const tail = old.text.length - old.to;
		const to = text.length - tail;
		if (to < old.from) return null;
		if (text.slice(0, old.from) !== old.text.slice(0, old.from)) return null;
		if (text.slice(to) !== old.text.slice(old.to)) return null;
		const a = align(old, text, old.from, to, this.single);
		return a ? [layoutOf(old, text, old.from, to, a), a] : null;
	}

	/**
	 * The new version read from the start: where its records are, laid against the old ones as
	 * they are passed, and everything checked to be valid JSON.
	 */
	private read(text: string): [Layout, Alignment] | null {
		const old = this.layout;
		let a = null as Alignment | null;
		const span = memberValue(
			text,
			this.key,
			this.single
				? undefined
				: (start) => {
						a = isArrayAt(text, start)
							? align(old, text, start + 1, text.length, false, true)
							: null;
						return a ? a.end + 1 : valueEnd(text, start);
					}
		);
		if (span === null) {
			// Not an object a scan can walk: JSON.parse decides whether it is JSON at all.
			let value: unknown;
			try {
				value = JSON.parse(text);
			} catch {
				return null;
			}
			// A scan walks every JSON object; one it could not would lose records unnoticed.
			if (value && typeof value === 'object' && !Array.isArray(value))
				throw new Error(`History: a JSON object the scan for "${this.key}" could not read.`);
			return this.none();
		}
		if (span === 'absent' || (!this.single && !a)) {
			try {
				JSON.parse(text);
			} catch {
				return null;
			}
			return this.none();
		}
		const from = this.single ? span.start : span.start + 1;
		const to = this.single ? span.end : span.end - 1;
		if (this.single) a = align(old, text, from, to, true);
		// Everything around the records must be valid JSON too: parse it with them left out.
		try {
			JSON.parse(text.slice(0, from) + (this.single ? '0' : '') + text.slice(to));
		} catch {
			return null;
		}
		return a ? [layoutOf(old, text, from, to, a), a] : null;
	}

	/** A valid version with no records where they would be. */
	private none(): [Layout, Alignment] {
		const gone = this.layout.ids.map((_, t) => t);
		return [NONE, { pieces: [], count: 0, end: 0, gone, fresh: [] }];
	}

	/** Moves to the new layout and says what changed, record by record. */
	private take(next: Layout, a: Alignment): TextChange[] {
		const old = this.layout;
		const wasAt = occurrences(a.gone.map((t) => [t, old.ids[t]]));
		const nowAt = occurrences(a.fresh.map((f) => [f.at, f.id]));
		const upserts: [number, TextChange][] = [];
		const removals: [number, TextChange][] = [];
		// Only ids of elements without a same-text partner can have changed: every other id
		// has all its elements, in the same order, as they were.
		for (const id of new Set([...wasAt.keys(), ...nowAt.keys()])) {
			const had = this.counts.get(id) ?? 0;
			const w = wasAt.get(id);
			const v = nowAt.get(id);
			const has = had - (w?.n ?? 0) + (v?.n ?? 0);
			const before = had === 0 ? null : w && w.n === had ? w : find(old.ids, id);
			const after = has === 0 ? null : v && v.n === has ? v : find(next.ids, id);
			if (has === 0) this.counts.delete(id);
			else this.counts.set(id, has);
			if (!before && after) upserts.push([after.first, { id, change: 'added' }]);
			else if (before && !after)
				removals.push([before.first, { id, change: 'removed', before: textAt(old, before.last) }]);
			else if (before && after) {
				const b = textAt(old, before.last);
				const n = textAt(next, after.last);
				if (b !== n) upserts.push([after.first, { id, change: 'changed', before: b, after: n }]);
			}
		}
		this.layout = next;
		const order = (x: [number, TextChange], y: [number, TextChange]) => x[0] - y[0];
		return [...upserts.sort(order), ...removals.sort(order)].map(([, c]) => c);
	}
}

/** Where an id first and last occurs among all the elements (an id on several). */
function find(ids: (string | undefined)[], id: string): Omit<Occurrences, 'n'> {
	return { first: ids.indexOf(id), last: ids.lastIndexOf(id) };
}

function textAt(layout: Layout, at: number): string {
	return layout.text.slice(layout.starts[at]!, layout.ends[at]!);
}
