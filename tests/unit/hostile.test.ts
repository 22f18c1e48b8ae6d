/**
 * The hostile-strings incident (tests/fixtures/hostile/incident.json): every free-text field is
 * markup, template syntax, a script address, a spreadsheet formula, right-to-left or invisible
 * characters, emoji or a very long string. It must be a valid incident, so the browser tests can
 * open it and show that all of it is rendered as text; and the one field that becomes an
 * address, a source's URL, must refuse every scheme but http and https.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sizeProblem, validateSingleJson } from '../../src/lib/import/single-file';
import { runImportBytes } from '../../src/lib/import/run';
import { openUrl } from '../../src/lib/import/open';
import { escapeXml, xmlSafe } from '../../src/lib/export/figure';

const FILE = join(import.meta.dirname, '..', 'fixtures', 'hostile', 'incident.json');
const text = readFileSync(FILE, 'utf8');
/** A fresh copy each time, so a test may change it. */
const fixture = () => JSON.parse(text) as HostileModel;

interface HostileModel {
	incident: { id: string; title: string; summary: string };
	events: { id: string; title: string; summary: string }[];
	parties: { shortName?: string }[];
	sources: { url: string }[];
}

/** Every string value in the file, keys excepted. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

describe('the hostile-strings fixture', () => {
	test('is a valid one-file incident', () => {
		const result = validateSingleJson(fixture(), 'incident.json');
		expect(result.errors).toEqual([]);
		expect(result.ok).toBe(true);
	});

	test('carries every kind of hostile string it is meant to', () => {
		const all = strings(fixture()).join('\n');
		for (const s of [
			'<script>alert(1)</script>',
			'<img src=x onerror=alert(1)>',
			'"><svg onload=alert(1)>',
			'<svg><script>alert(1)</script></svg>',
			'{@html x}',
			'{{7*7}}',
			'javascript:alert(1)',
			'=HYPERLINK(',
			'</title>',
			'</style>',
			'&lt;script&gt;',
			'\u202E', // right-to-left override
			'\u200B', // zero-width space
			'\u200D', // zero-width joiner
			'\uFEFF' // zero-width no-break space
		])
			expect(all, JSON.stringify(s)).toContain(s);
		expect(all).toMatch(/[\u0600-\u06FF]/); // Arabic
		expect(all).toMatch(/[\u0590-\u05FF]/); // Hebrew
		expect(all).toMatch(/\p{Extended_Pictographic}/u);
		expect(all).toMatch(/\p{M}/u); // combining marks
	});

	test('has the long strings the layout must contain', () => {
		const m = fixture();
		expect(m.incident.id).toBe('hostile-strings');
		expect(m.incident.title).toContain('<script>');
		expect(m.incident.summary).toHaveLength(5000);
		expect(m.incident.summary).not.toMatch(/\s/);
		expect(m.events.some((e) => e.summary.length >= 5000 && !/\s/.test(e.summary))).toBe(true);
		expect(Math.max(...m.events.map((e) => e.title.length))).toBe(120);
		expect(strings(m).some((s) => s.length >= 2000)).toBe(true);
		expect(m.events).toHaveLength(12);
		expect(m.parties).toHaveLength(6);
	});

	test('keeps every source address on https, however hostile the rest of it', () => {
		for (const s of fixture().sources) expect(s.url).toMatch(/^https:\/\//);
	});
});

describe('a source URL refuses every scheme but http and https', () => {
	test.each([
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		'javascript://example.org/%0Aalert(1)',
		'data:text/html,<script>alert(1)</script>',
		'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
		'vbscript:msgbox(1)',
		'//evil.example/incident',
		'https://example.org/\njavascript:alert(1)'
	])('%j', (url) => {
		const m = fixture();
		m.sources[0]!.url = url;
		const result = validateSingleJson(m, 'incident.json');
		expect(result.ok).toBe(false);
		expect(result.errors.map((e) => e.path)).toEqual(['$.sources[0].url']);
		expect(result.errors[0]!.message).toMatch(/must be an http:\/\/ or https:\/\/ URL/);
	});
});

/**
 * What an independent probe of the built site found (issue 23). The browser side of each is in
 * tests/e2e/hostile.spec.ts; the lookups by id are in prototype-ids.test.ts.
 */
describe('the second opinion', () => {
	const bytesOf = (m: unknown) => new TextEncoder().encode(JSON.stringify(m));
	const open = (m: unknown) => {
		const result = runImportBytes({ bytes: bytesOf(m), fileName: 'incident.json' });
		return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
	};

	test('a NUL in a title is refused where /open checks a file, naming the field and position', () => {
		const m = fixture();
		m.events[3]!.title = 'T\u0000itle';
		expect(open(m)).toEqual([
			'$.events[3].title: contains the control character U+0000 (null) at position 2; only tab and line feed are allowed'
		]);
	});

	test.each([
		['\u0001', 'U+0001 (start of heading)'],
		['\u0008', 'U+0008 (backspace)'],
		['\u000B', 'U+000B (vertical tab)'],
		['\u000C', 'U+000C (form feed)'],
		['\r', 'U+000D (carriage return)'],
		['\u001B', 'U+001B (escape)'],
		['\u001F', 'U+001F (unit separator)']
	])('so is %j, in any text field', (c, named) => {
		const m = fixture();
		m.incident.summary = `ab${c}`;
		expect(open(m)).toEqual([
			`$.incident.summary: contains the control character ${named} at position 3; only tab and line feed are allowed`
		]);
	});

	test('tab and line feed, and characters beyond the C0 range, are text', () => {
		const m = fixture();
		m.events[0]!.summary = 'a\tb\nc\u0085d\u007Fe\u{1F600}';
		expect(open(m)).toEqual([]);
	});

	test.each([
		['http://\u202Eexample.com', 'U+202E (right-to-left override) at position 8'],
		['https://example.org/\u202Dmoc.elpmaxe', 'U+202D (left-to-right override) at position 21'],
		['https://exa\u200Bmple.org/', 'U+200B (zero-width space) at position 12'],
		['https://example.org/\u2066x\u2069', 'U+2066 (left-to-right isolate) at position 21'],
		['https://example.org/\u00ADx', 'U+00AD (soft hyphen) at position 21'],
		['https://\uFEFFexample.org/', 'U+FEFF (zero-width no-break space) at position 9'],
		['https://example.org/\u0085', 'U+0085 (a control character) at position 21']
	])('a source URL with an invisible character is refused: %j', (url, what) => {
		const m = fixture();
		m.sources[0]!.url = url;
		expect(open(m)).toEqual([
			`$.sources[0].url: must not contain invisible characters: ${what} does not show, so the link could look like a different address from the one it opens`
		]);
	});
});

describe('an export writes only what XML 1.0 can carry', () => {
	test.each([
		['T\u0000itle', 'T\uFFFDitle'],
		['a\uFFFEb\uFFFFc', 'a\uFFFDb\uFFFDc'],
		['half \uD800 and \uDC00', 'half \uFFFD and \uFFFD'],
		[
			'kept: tab\t, lf\n, cr\r, emoji \u{1F600}, C1 \u0085',
			'kept: tab\t, lf\n, cr\r, emoji \u{1F600}, C1 \u0085'
		]
	])('%j', (text, safe) => {
		expect(xmlSafe(text)).toBe(safe);
	});

	test('and escapes markup after making it safe', () => {
		expect(escapeXml('<a b="c">&\u0000</a>')).toBe(
			'&lt;a b=&quot;c&quot;&gt;&amp;\uFFFD&lt;/a&gt;'
		);
	});
});

describe('a file read by address, past the size limit', () => {
	/** A body of `chunks` pieces of 16 MB each, the same buffer each time, with these headers. */
	const streamed = (chunks: number, headers: Record<string, string> = {}) =>
		(async () => {
			const piece = new Uint8Array(16 * 1024 * 1024);
			let sent = 0;
			const body = new ReadableStream<Uint8Array>({
				pull(controller) {
					if (sent++ < chunks) controller.enqueue(piece);
					else controller.close();
				}
			});
			return new Response(body, { status: 200, headers });
		}) as unknown as typeof fetch;

	test('without a length, says it is over 150 MB, not how much was read', async () => {
		const result = await openUrl(new URL('https://a.example/big.json'), () => {}, streamed(11));
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.errors[0]!.message).toMatch(/^file is over 150 MB, the limit/);
			expect(result.errors[0]!.message).not.toMatch(/\d+\.\d MB/);
		}
	});

	test('with a length that is wrong, the same', async () => {
		const result = await openUrl(
			new URL('https://a.example/big.json'),
			() => {},
			streamed(11, { 'content-length': '1000' })
		);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]!.message).toMatch(/^file is over 150 MB, the limit/);
	});

	test('with its length, names it', () => {
		expect(sizeProblem(168_200_000, 'big.json')!.message).toMatch(
			/^file is 160\.4 MB; the limit is 150\.0 MB/
		);
	});
});
