/**
 * Duplicate keys in JSON text. JSON.parse keeps the last of two equal keys in an object and
 * says nothing, so `{"id": "a", "id": "b"}` silently becomes `{"id": "b"}`: a curator who
 * pasted a record over another would lose a value without being told. JSON.parse cannot see
 * this, so the text is scanned once more for it.
 *
 * The scan is only run on text JSON.parse has accepted, so it need not check the grammar: it
 * only follows strings, objects and arrays. It is linear, skips the inside of strings with
 * indexOf, keeps one reused key set per nesting depth (nothing allocated per object) and is
 * iterative, so neither a 50 MB file nor deep nesting troubles it.
 */

export interface DuplicateKey {
	/** Where the later key is: the object's path, then the key, e.g. ["events", 3, "id"]. */
	path: (string | number)[];
	key: string;
	/** 1-based, of the later key's opening quote, counted as describeJsonError counts them. */
	line: number;
	column: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** Every key that repeats an earlier key of the same object, in the order they appear. */
export function findDuplicateKeys(text: string): DuplicateKey[] {
	const found: { path: (string | number)[]; key: string; offset: number }[] = [];
	// Per nesting depth: whether the container is an object, the key or index being read in
	// it, whether a key comes next (objects), and the keys seen so far (objects).
	const isObject: boolean[] = [];
	const member: (string | number)[] = [];
	const expectKey: boolean[] = [];
	const keys: Set<string>[] = [];
	let depth = -1;

	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === QUOTE) {
			const end = closingQuote(text, i);
			if (depth >= 0 && expectKey[depth]) {
				expectKey[depth] = false;
				let key = text.slice(i + 1, end);
				if (key.includes('\\')) key = JSON.parse(text.slice(i, end + 1)) as string;
				const seen = keys[depth]!;
				if (seen.has(key)) found.push({ path: [...member.slice(0, depth), key], key, offset: i });
				else seen.add(key);
				member[depth] = key;
			}
			i = end;
		} else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
			depth++;
			const object = c === OPEN_OBJECT;
			isObject[depth] = object;
			expectKey[depth] = object;
			member[depth] = 0;
			if (object) {
				if (keys[depth]) keys[depth]!.clear();
				else keys[depth] = new Set();
			}
		} else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
			depth--;
		} else if (c === COMMA) {
			if (isObject[depth]) expectKey[depth] = true;
			else (member[depth] as number)++;
		}
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
