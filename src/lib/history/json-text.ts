/**
 * Reading JSON text without parsing it: where a value ends, where a top-level member's value
 * lies, and whether two values differ only in whitespace. The history engine (file-records.ts)
 * uses these to find a file's records in its text and to pass over those whose text is as it was,
 * so a commit that corrects one event in 100,000 parses one event, not the file.
 *
 * Nothing here validates: brackets are counted, not matched. What a scan finds is checked by
 * JSON.parse on the parts that are parsed, or by being the same text as a part that was.
 */

import {
	BACKSLASH,
	CLOSE_BRACE,
	CLOSE_BRACKET,
	COLON,
	COMMA,
	OPEN_BRACE,
	OPEN_BRACKET,
	QUOTE
} from '../model/json-chars.ts';

/** JSON's four whitespace characters: space, tab, line feed, carriage return. */
function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A character of a number or a literal (true, false, null), where whitespace may not fall. */
function isWordChar(c: number): boolean {
	return (
		(c >= 48 && c <= 57) ||
		(c >= 97 && c <= 122) ||
		(c >= 65 && c <= 90) ||
		c === 43 ||
		c === 45 ||
		c === 46
	);
}

/** The index of the first character at or after `at`, before `end`, that is not whitespace. */
export function skipSpace(text: string, at: number, end = text.length): number {
	while (at < end && isSpace(text.charCodeAt(at))) at++;
	return at;
}

/** The index just past the string whose opening quote is at `at`, or -1 if it never closes. */
function stringEnd(text: string, at: number): number {
	let q = at;
	for (;;) {
		q = text.indexOf('"', q + 1);
		if (q < 0) return -1;
		// A quote is escaped by an odd number of backslashes before it.
		let b = q - 1;
		while (text.charCodeAt(b) === BACKSLASH) b--;
		if ((q - 1 - b) % 2 === 0) return q + 1;
	}
}

/**
 * The index just past the value that starts at `at` (an object, array, string, number or
 * literal), or -1 where none ends before `end`.
 */
export function valueEnd(text: string, at: number, end = text.length): number {
	const first = text.charCodeAt(at);
	if (first === QUOTE) {
		const e = stringEnd(text, at);
		return e > end ? -1 : e;
	}
	if (first === OPEN_BRACE || first === OPEN_BRACKET) {
		let depth = 0;
		for (let i = at; i < end; i++) {
			const c = text.charCodeAt(i);
			if (c === QUOTE) {
				const e = stringEnd(text, i);
				if (e < 0) return -1;
				i = e - 1;
			} else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
			else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
		}
		return -1;
	}
	let i = at;
	while (i < end && isWordChar(text.charCodeAt(i))) i++;
	return i > at ? i : -1;
}

/**
 * Where the value of a top-level member of a JSON object lies: the last member named `key`, as
 * JSON.parse would keep; `absent` if the object has none; null if the text is not an object a
 * scan can walk (not an object, or broken). `endOf` finds where a value of that member ends
 * (valueEnd unless given), so a caller can read the records as it passes them.
 */
export function memberValue(
	text: string,
	key: string,
	endOf: (start: number) => number = (start) => valueEnd(text, start)
): { start: number; end: number } | 'absent' | null {
	let i = skipSpace(text, 0);
	if (text.charCodeAt(i) !== OPEN_BRACE) return null;
	i = skipSpace(text, i + 1);
	let found: { start: number; end: number } | 'absent' = 'absent';
	if (text.charCodeAt(i) === CLOSE_BRACE)
		return skipSpace(text, i + 1) === text.length ? found : null;
	for (;;) {
		if (text.charCodeAt(i) !== QUOTE) return null;
		const nameEnd = stringEnd(text, i);
		if (nameEnd < 0) return null;
		let name = text.slice(i + 1, nameEnd - 1);
		if (name.includes('\\')) {
			try {
				name = JSON.parse(text.slice(i, nameEnd)) as string;
			} catch {
				return null;
			}
		}
		i = skipSpace(text, nameEnd);
		if (text.charCodeAt(i) !== COLON) return null;
		const start = skipSpace(text, i + 1);
		const end = name === key ? endOf(start) : valueEnd(text, start);
		if (end < 0) return null;
		if (name === key) found = { start, end };
		i = skipSpace(text, end);
		const c = text.charCodeAt(i);
		if (c === COMMA) i = skipSpace(text, i + 1);
		else if (c === CLOSE_BRACE) return skipSpace(text, i + 1) === text.length ? found : null;
		else return null;
	}
}

/** Whether `c` is a comma (between two elements of an array). */
export function isComma(c: number): boolean {
	return c === COMMA;
}

/** Whether `c` closes an array. */
export function isCloseBracket(c: number): boolean {
	return c === CLOSE_BRACKET;
}

/** Whether the value at `at` is an array (its first character is a bracket). */
export function isArrayAt(text: string, at: number): boolean {
	return text.charCodeAt(at) === OPEN_BRACKET;
}

/** Whether a number or literal goes on across `at` (its characters either side of it). */
export function wordContinues(text: string, at: number): boolean {
	return at > 0 && isWordChar(text.charCodeAt(at - 1)) && isWordChar(text.charCodeAt(at));
}

/**
 * Where the value at a[aStart] ends if it is b[bStart, bEnd), a valid value, written with other
 * whitespace; -1 if it is not, or if it ends past aLimit. The same characters outside
 * whitespace, strings alike to the character, and no whitespace inside a number or literal of
 * `a` (which would make it invalid JSON). Key order counts: this is the same text, not equal
 * values.
 */
export function spacedEnd(
	a: string,
	aStart: number,
	aLimit: number,
	b: string,
	bStart: number,
	bEnd: number
): number {
	let i = aStart;
	let j = bStart;
	for (;;) {
		while (j < bEnd && isSpace(b.charCodeAt(j))) j++;
		if (j === bEnd) return wordContinues(a, i) ? -1 : i;
		const gap = i;
		while (i < aLimit && isSpace(a.charCodeAt(i))) i++;
		if (i === aLimit) return -1;
		if (i > gap && gap > aStart && isWordChar(a.charCodeAt(gap - 1)) && isWordChar(a.charCodeAt(i)))
			return -1;
		const c = a.charCodeAt(i);
		if (c !== b.charCodeAt(j)) return -1;
		i++;
		j++;
		if (c === QUOTE) {
			// The string, to its closing quote, character by character: no slices to collect.
			for (;;) {
				if (i >= aLimit || j >= bEnd) return -1;
				const d = b.charCodeAt(j);
				if (a.charCodeAt(i) !== d) return -1;
				i++;
				j++;
				if (d === QUOTE) break;
				if (d === BACKSLASH) {
					if (i >= aLimit || j >= bEnd || a.charCodeAt(i) !== b.charCodeAt(j)) return -1;
					i++;
					j++;
				}
			}
		}
	}
}
