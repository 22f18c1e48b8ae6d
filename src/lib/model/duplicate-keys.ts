/**
 * Duplicate keys in JSON text. JSON.parse keeps the last of two equal keys in an object and
 * says nothing, so `{"id": "a", "id": "b"}` silently becomes `{"id": "b"}`: a curator who
 * pasted a record over another would lose a value without being told. JSON.parse cannot see
 * this, so the text is scanned once more for it.
 *
 * The scan is only run on text JSON.parse has accepted, so it need not check the grammar: it
 * only follows strings, objects and arrays. It is linear, skips the inside of strings with
 * indexOf, compares a key with the earlier keys of its object where they stand in the text
 * (nothing is allocated for a file without duplicates, unless an object has many keys or
 * escaped ones) and is iterative, so neither a 50 MB file nor deep nesting troubles it.
 */
import {
	BACKSLASH,
	CLOSE_BRACE as CLOSE_OBJECT,
	CLOSE_BRACKET as CLOSE_ARRAY,
	COMMA,
	OPEN_BRACE as OPEN_OBJECT,
	OPEN_BRACKET as OPEN_ARRAY,
	QUOTE
} from './json-chars.ts';

export interface DuplicateKey {
	/** Where the later key is: the object's path, then the key, e.g. ["events", 3, "id"]. */
	path: (string | number)[];
	key: string;
	/** 1-based, of the later key's opening quote, counted as describeJsonError counts them. */
	line: number;
	column: number;
}

/**
 * Keys an object may have before they are kept in a Set: up to this many, a new key is compared
 * with each earlier one where it stands in the text, which allocates nothing (a Set per object
 * cost more than the comparisons; at 100,000 events it was most of the scan's time).
 */
const FEW_KEYS = 32;

/** Every key that repeats an earlier key of the same object, in the order they appear. */
export function findDuplicateKeys(text: string): DuplicateKey[] {
	const found: { path: (string | number)[]; key: string; offset: number }[] = [];
	// Per nesting depth: whether the container is an object, whether a key comes next
	// (objects), the index being read (arrays), where the key being read is (objects), and
	// where in `starts` and `ends` its keys begin.
	const isObject: boolean[] = [];
	const expectKey: boolean[] = [];
	const index: number[] = [];
	const keyAt: number[] = [];
	const firstKey: number[] = [];
	// An object with many keys, or with a key spelled with escapes, keeps its keys in a Set.
	const sets: (Set<string> | null)[] = [];
	// The keys of every open object, innermost last, as the offsets of their text: from after
	// the opening quote to the closing one.
	const starts: number[] = [];
	const ends: number[] = [];
	let top = 0;
	let depth = -1;

	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === QUOTE) {
			const end = closingQuote(text, i);
			if (depth >= 0 && expectKey[depth]) {
				expectKey[depth] = false;
				const first = firstKey[depth]!;
				let set = sets[depth];
				if (!set && (top - first >= FEW_KEYS || hasBackslash(text, i + 1, end))) {
					set = sets[depth] = new Set();
					for (let k = first; k < top; k++) set.add(keyText(text, starts[k]!, ends[k]!));
				}
				let repeated = false;
				if (set) {
					const key = keyText(text, i + 1, end);
					repeated = set.has(key);
					set.add(key);
				} else
					for (let k = first; k < top && !repeated; k++)
						repeated = sameText(text, starts[k]!, ends[k]!, i + 1, end);
				if (repeated) {
					const key = keyText(text, i + 1, end);
					found.push({ path: [...pathAt(depth), key], key, offset: i });
				}
				starts[top] = i + 1;
				ends[top] = end;
				top++;
				keyAt[depth] = i;
			}
			i = end;
		} else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
			depth++;
			const object = c === OPEN_OBJECT;
			isObject[depth] = object;
			expectKey[depth] = object;
			index[depth] = 0;
			firstKey[depth] = top;
			sets[depth] = null;
		} else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
			top = firstKey[depth]!;
			depth--;
		} else if (c === COMMA) {
			if (isObject[depth]) expectKey[depth] = true;
			else index[depth]!++;
		}
	}

	/** The path of the object at `depth`: each enclosing object's key or array's index. */
	function pathAt(depth: number): (string | number)[] {
		const path: (string | number)[] = [];
		for (let d = 0; d < depth; d++) {
			if (!isObject[d]) path.push(index[d]!);
			else {
				const open = keyAt[d]!;
				path.push(keyText(text, open + 1, closingQuote(text, open)));
			}
		}
		return path;
	}

	if (found.length === 0) return [];

	// Lines are counted only when there is something to report, in one pass, as the offsets
	// are in order.
	const out: DuplicateKey[] = [];
	let line = 1;
	let lineStart = 0;
	for (const f of found) {
		for (let nl = text.indexOf('\n', lineStart); nl !== -1 && nl < f.offset;) {
			line++;
			lineStart = nl + 1;
			nl = text.indexOf('\n', lineStart);
		}
		out.push({ path: f.path, key: f.key, line, column: f.offset - lineStart + 1 });
	}
	return out;
}

/** The offset of the quote that closes the string opening at `open`. */
function closingQuote(text: string, open: number): number {
	let end = open;
	for (;;) {
		end = text.indexOf('"', end + 1);
		if (end === -1) return text.length; // unclosed: not reached for text JSON.parse accepted
		// A quote preceded by an odd run of backslashes is escaped, and part of the string.
		let k = end - 1;
		while (text.charCodeAt(k) === BACKSLASH) k--;
		if ((end - 1 - k) % 2 === 0) return end;
	}
}

/** Whether the text between two offsets holds a backslash (an escape). */
function hasBackslash(text: string, from: number, to: number): boolean {
	for (let k = from; k < to; k++) if (text.charCodeAt(k) === BACKSLASH) return true;
	return false;
}

/** Whether two stretches of the text, neither holding an escape, are the same characters. */
function sameText(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
	if (aEnd - a !== bEnd - b) return false;
	for (; a < aEnd; a++, b++) if (text.charCodeAt(a) !== text.charCodeAt(b)) return false;
	return true;
}

/** The key whose text lies between two offsets, escapes read as JSON.parse reads them. */
function keyText(text: string, from: number, to: number): string {
	const raw = text.slice(from, to);
	return raw.includes('\\') ? (JSON.parse(text.slice(from - 1, to + 1)) as string) : raw;
}
