/**
 * Characters that data may not hold.
 *
 * In any string: C0 control characters other than tab and line feed, and halves of a UTF-16
 * surrogate pair without their other half. JSON lets both through as escapes ("\u0000",
 * "\ud800"); neither has any place in a title or a note, and either breaks what is made from
 * the text: XML 1.0 has no way to write them, so an exported SVG with one is not XML at all,
 * and its PNG cannot be drawn. Checked over every string of a file, whatever field it is in,
 * so the CLI, the build and /open name the same problem in the same words.
 *
 * In an address: invisible formatting characters as well (right-to-left overrides, zero-width
 * spaces…), with which a link can show one address and open another.
 *
 * Pure and browser-safe.
 */

const UNWANTED =
	// eslint-disable-next-line no-control-regex -- finding these characters is the point
	/[\u0000-\u0008\u000B-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const C0_NAMES = [
	'null',
	'start of heading',
	'start of text',
	'end of text',
	'end of transmission',
	'enquiry',
	'acknowledge',
	'bell',
	'backspace',
	'tab',
	'line feed',
	'vertical tab',
	'form feed',
	'carriage return',
	'shift out',
	'shift in',
	'data link escape',
	'device control one',
	'device control two',
	'device control three',
	'device control four',
	'negative acknowledge',
	'synchronous idle',
	'end of transmission block',
	'cancel',
	'end of medium',
	'substitute',
	'escape',
	'file separator',
	'group separator',
	'record separator',
	'unit separator'
];

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with a string, or null: the first unwanted character, named, and its position
 * counted in characters from 1 as an editor counts them (an emoji is one).
 */
export function controlCharacterProblem(text: string): string | null {
	const m = UNWANTED.exec(text);
	if (!m) return null;
	// Code points, not UTF-16 units: an emoji before it counts as one character.
	const position = Array.from(text.slice(0, m.index)).length + 1;
	const code = m[0].charCodeAt(0);
	if (code < 0x20)
		return `contains the control character ${hex(code)} (${C0_NAMES[code]}) at position ${position}; only tab and line feed are allowed`;
	return `contains half of a character (${hex(code)}, a UTF-16 surrogate without its pair) at position ${position}; the text was cut or mis-encoded`;
}

/** UNWANTED less the carriage return, which ends lines in a text that is cut into values. */
const UNWANTED_BUT_CR =
	// eslint-disable-next-line no-control-regex -- finding these characters is the point
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether any value cut from this text, with its line breaks made line feeds, could hold an
 * unwanted character: one pass over the whole text instead of one per value. False means none
 * can; true, that each value must be looked at (controlCharacterProblem).
 */
export function textMayHoldUnwanted(text: string): boolean {
	return UNWANTED_BUT_CR.test(text);
}

/** A cheaper first look: a surrogate here may still be half of a sound pair (an emoji). */
// eslint-disable-next-line no-control-regex -- finding these characters is the point
const SUSPECT = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF]/;

/**
 * Whether any string in parsed JSON may hold an unwanted character: one pass over the values
 * that builds nothing, about 0.1 s over the 1.5 million strings of 100,000 events.
 */
function anySuspect(json: unknown): boolean {
	const stack: unknown[] = [json];
	while (stack.length) {
		const value = stack.pop();
		if (typeof value === 'string') {
			if (SUSPECT.test(value)) return true;
		} else if (value !== null && typeof value === 'object') {
			const values = Array.isArray(value) ? value : Object.values(value);
			for (let i = 0; i < values.length; i++) {
				const v: unknown = values[i];
				if (typeof v === 'string') {
					if (SUSPECT.test(v)) return true;
				} else if (v !== null && typeof v === 'object') stack.push(v);
			}
		}
	}
	return false;
}

/**
 * Every string value in parsed JSON that holds an unwanted character, with its path (keys and
 * indices) and the message, in the order of the file. Iterative: a deeply nested file cannot
 * overflow the stack. A clean file costs one quick pass and nothing more.
 */
export function findControlCharacters(json: unknown): { path: PropertyKey[]; message: string }[] {
	const found: { path: PropertyKey[]; message: string }[] = [];
	if (!anySuspect(json)) return found;
	interface Frame {
		value: unknown;
		key: PropertyKey | null;
		parent: Frame | null;
	}
	const pathOf = (frame: Frame) => {
		const path: PropertyKey[] = [];
		for (let f: Frame | null = frame; f && f.key !== null; f = f.parent) path.push(f.key);
		return path.reverse();
	};
	const stack: Frame[] = [{ value: json, key: null, parent: null }];
	while (stack.length) {
		const frame = stack.pop()!;
		const { value } = frame;
		if (typeof value === 'string') {
			if (!UNWANTED.test(value)) continue;
			found.push({ path: pathOf(frame), message: controlCharacterProblem(value)! });
		} else if (Array.isArray(value)) {
			for (let i = value.length - 1; i >= 0; i--)
				if (typeof value[i] === 'object' || typeof value[i] === 'string')
					stack.push({ value: value[i], key: i, parent: frame });
		} else if (value !== null && typeof value === 'object') {
			const entries = Object.entries(value);
			for (let i = entries.length - 1; i >= 0; i--) {
				const [key, v] = entries[i]!;
				if (typeof v === 'object' || typeof v === 'string')
					stack.push({ value: v, key, parent: frame });
			}
		}
	}
	return found;
}

/** Names of the invisible formatting characters most likely to be met. */
const FORMAT_NAMES = new Map([
	[0x00ad, 'soft hyphen'],
	[0x061c, 'Arabic letter mark'],
	[0x180e, 'Mongolian vowel separator'],
	[0x200b, 'zero-width space'],
	[0x200c, 'zero-width non-joiner'],
	[0x200d, 'zero-width joiner'],
	[0x200e, 'left-to-right mark'],
	[0x200f, 'right-to-left mark'],
	[0x202a, 'left-to-right embedding'],
	[0x202b, 'right-to-left embedding'],
	[0x202c, 'pop directional formatting'],
	[0x202d, 'left-to-right override'],
	[0x202e, 'right-to-left override'],
	[0x2060, 'word joiner'],
	[0x2066, 'left-to-right isolate'],
	[0x2067, 'right-to-left isolate'],
	[0x2068, 'first strong isolate'],
	[0x2069, 'pop directional isolate'],
	[0xfeff, 'zero-width no-break space']
]);

/** Formatting characters (Unicode category Cf), DEL and the C1 controls. */
const INVISIBLE_IN_URL = /[\p{Cf}\u007F-\u009F]/u;

/**
 * What is wrong with an address that holds an invisible character, or null. C0 controls are
 * left to controlCharacterProblem, which every string meets.
 */
export function invisibleInUrlProblem(url: string): string | null {
	const m = INVISIBLE_IN_URL.exec(url);
	if (!m) return null;
	const code = m[0].codePointAt(0)!;
	const name =
		FORMAT_NAMES.get(code) ?? (code <= 0x9f ? 'a control character' : 'a formatting character');
	const position = Array.from(url.slice(0, m.index)).length + 1;
	return `must not contain invisible characters: ${hex(code)} (${name}) at position ${position} does not show, so the link could look like a different address from the one it opens`;
}

/** The text with every invisible or control character written as \uXXXX, for a message. */
export function showInvisible(text: string): string {
	return text.replace(
		/[\p{Cc}\p{Cf}]/gu,
		(c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
	);
}
