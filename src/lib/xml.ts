/**
 * Text for XML: the five markup characters escaped, and characters XML 1.0 cannot carry at all
 * (C0 controls other than tab, line feed and carriage return; lone surrogates; U+FFFE, U+FFFF)
 * left out, so whatever reaches a document keeps it well-formed.
 */
// The point of the pattern is to match control characters.
const NOT_XML =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
	return s
		.replace(NOT_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}
