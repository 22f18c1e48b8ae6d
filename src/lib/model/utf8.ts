/**
 * Decoding a file's bytes as UTF-8, strictly. The usual decoders (readFileSync(…, 'utf8'),
 * File.text(), Response.text()) put U+FFFD in place of bytes that are not UTF-8 and carry on,
 * so a file saved as Latin-1 or Windows-1252 would load with its names quietly garbled.
 * Instead the file is refused, and told where the first bad byte is.
 *
 * Pure and free of the schema library: the browser reads files with it on the main thread.
 */

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of UTF-8 bytes (a leading byte-order mark dropped, as every decoder here does), or
 * a message naming the first byte that is not UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: string } {
	try {
		return { text: strict.decode(bytes) };
	} catch {
		// Only a bad file pays for finding the place.
	}
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return {
			error: 'is UTF-16 encoded (it starts with a UTF-16 byte-order mark); save it as UTF-8'
		};
	const at = invalidUtf8Offset(bytes);
	if (at < 0) return { error: 'is not valid UTF-8; save it as UTF-8' }; // not reached
	let line = 1;
	for (let i = bytes.indexOf(0x0a); i !== -1 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++;
	const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
	return {
		error: `not valid UTF-8 at byte ${at} (0x${hex}, line ${line}); save the file as UTF-8`
	};
}

/** The text without a leading byte-order mark, as JSON.parse needs it. */
export function withoutBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The 0-based offset of the first byte that starts no valid UTF-8 sequence (or starts one cut
 * short), or -1 when all of it is UTF-8. Follows the WHATWG decoder: overlong forms, UTF-16
 * surrogates and code points above U+10FFFF are errors too.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
	const n = bytes.length;
	for (let i = 0; i < n;) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		// The range the second byte must fall in; the rest are 0x80–0xBF.
		let lo = 0x80;
		let hi = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) lo = 0xa0; // overlong
			if (b === 0xed) hi = 0x9f; // surrogates
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) lo = 0x90; // overlong
			if (b === 0xf4) hi = 0x8f; // above U+10FFFF
		} else return i;
		if (i + need >= n) return i;
		const second = bytes[i + 1]!;
		if (second < lo || second > hi) return i;
		for (let k = 2; k <= need; k++) {
			const next = bytes[i + k]!;
			if (next < 0x80 || next > 0xbf) return i;
		}
		i += need + 1;
	}
	return -1;
}
