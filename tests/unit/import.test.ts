/**
 * Opening an incident in the browser: the worker's pipeline gives exactly the answers the
 * build gives, addresses are checked before anything is requested, and sizes are refused
 * before anything is read.
 */
import { describe, expect, test } from 'vitest';
import { formatError, validateIncident, type RawFiles } from '../../src/lib/model/validate';
import { FILE_NAMES } from '../../src/lib/model/schema';
import { loadIncident } from '../../src/lib/server/load-incident';
import {
	answerBytes,
	kindOf,
	MAX_REPORTED_ERRORS,
	runImport,
	runImportBytes
} from '../../src/lib/import/run';
import { fromWire, toWire } from '../../src/lib/import/wire';
import { synthIncident } from '../../src/lib/bench/synth';
import { checkSrc, openFile, openUrl } from '../../src/lib/import/open';
import { MAX_IMPORT_BYTES, validateSingleJson } from '../../src/lib/import/single-file';
import { eventsCsv } from '../../src/lib/model/export';
import { brokenFiles, brokenNames, miniFiles } from './fixtures';

/** A folder's files as one object, the way the site publishes its model. */
function oneFile(raw: RawFiles): { text: string; json: Record<string, unknown> } | null {
	const json: Record<string, unknown> = {};
	for (const name of FILE_NAMES) {
		const entry = raw[name];
		if (!entry) continue;
		if ('error' in entry) return null;
		Object.assign(
			json,
			Object.fromEntries(Object.entries(entry.json as object).filter(([k]) => k !== '$schema'))
		);
	}
	return { text: JSON.stringify(json), json };
}

describe('the worker checks exactly as the build does', () => {
	test('the bundled incident, published as one file, opens with the same model', () => {
		const folder = loadIncident();
		expect(folder.ok).toBe(true);
		const text = JSON.stringify(folder.model);
		const result = runImport({ text, fileName: 'deir.json', kind: 'json' });
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.model).toEqual(folder.model);
	});

	test('what the worker sends back, from bytes it decodes to a model carried as JSON, is the same', () => {
		const folder = loadIncident();
		const synth = synthIncident({ events: 2000 });
		const withoutStorylines: Partial<typeof synth> = { ...synth };
		delete withoutStorylines.storylines;
		for (const [name, text] of [
			['deir.json', JSON.stringify(folder.model)],
			['synthetic.json', JSON.stringify(synth)],
			['no-storylines.json', JSON.stringify(withoutStorylines)],
			[
				'stamped.json',
				JSON.stringify({ ...synth, version: { id: '1a2b3c4', date: null, kind: 'content' } })
			],
			['bom.json', `\ufeff${JSON.stringify(synth, null, 2)}`],
			['synthetic.csv', eventsCsv(synth)]
		] as const) {
			const kind = kindOf(name, text);
			const direct = runImport({ text: text.replace(/^\ufeff/, ''), fileName: name, kind });
			expect(direct.ok).toBe(true);
			const bytes = new TextEncoder().encode(text);
			const answer = answerBytes({ bytes, fileName: name });
			// A one-file incident comes back as the text that was checked, a CSV as its model.
			expect(Object.keys(answer)).toContain(kind === 'json' ? 'fileJson' : 'modelJson');
			// Strictly: not a key or an undefined field more or less than the model checked.
			expect(fromWire(answer)).toStrictEqual(direct);
			expect(runImportBytes({ bytes, fileName: name })).toStrictEqual(direct);
		}
		// A file that fails comes back with its problems as they are.
		const bad = runImportBytes({
			bytes: new TextEncoder().encode('{"events": 3}'),
			fileName: 'x.json'
		});
		expect(bad.ok).toBe(false);
		expect(fromWire(toWire(bad))).toStrictEqual(bad);
		expect(
			answerBytes({ bytes: new TextEncoder().encode('{"events": 3}'), fileName: 'x.json' })
		).toStrictEqual(bad);
	});

	test.each(brokenNames().filter((n) => n !== 'truncated-json' && n !== 'missing-file'))(
		'broken fixture "%s" gives the same problems at the same paths',
		(name) => {
			const raw = brokenFiles(name);
			const folder = validateIncident(raw);
			const single = oneFile(raw)!;
			const result = runImport({ text: single.text, fileName: 'upload.json', kind: 'json' });
			expect(folder.ok).toBe(false);
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(
				folder.errors.map((e) => `${e.path}: ${e.message}`)
			);
			expect(new Set(result.errors.map((e) => e.file))).toEqual(new Set(['upload.json']));
		}
	);

	test('a missing part of a one-file incident is named by its key', () => {
		const { json } = oneFile(miniFiles())!;
		delete json.relations;
		const result = validateSingleJson(json, 'x.json');
		expect(result.errors).toEqual([
			{ file: 'x.json', path: '$.relations', message: 'is required (an array)' }
		]);
	});

	test('truncated JSON says where it stops, and nothing is built', () => {
		const { text } = oneFile(miniFiles())!;
		const result = runImport({ text: text.slice(0, 500), fileName: 'cut.json', kind: 'json' });
		expect(result.ok).toBe(false);
		expect('model' in result).toBe(false);
		if (!result.ok)
			expect(result.errors[0]!.message).toMatch(/^not valid JSON at line 1, column \d+/);
	});

	test('a file that is not an object, or has unknown keys, is refused with what was expected', () => {
		expect(validateSingleJson([1, 2], 'a.json').errors[0]!.message).toMatch(
			/^must be a JSON object with the keys "incident", .*; got an array$/
		);
		const { json } = oneFile(miniFiles())!;
		expect(validateSingleJson({ ...json, extra: 1 }, 'a.json').errors[0]).toEqual({
			file: 'a.json',
			path: '$',
			message: expect.stringMatching(/^unknown field "extra"; expected "incident"/)
		});
	});

	test('thousands of problems are reported up to a limit, with a count of the rest', () => {
		const { json } = oneFile(miniFiles())!;
		const events = json.events as { start: string }[];
		const many = Array.from({ length: 3000 }, (_, i) => ({
			...events[0]!,
			id: `e-${i}`,
			start: '2016-09-17T16:00'
		}));
		const result = runImport({
			text: JSON.stringify({ ...json, events: many }),
			fileName: 'many.json',
			kind: 'json'
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
		expect(result.errors.at(-1)!.message).toMatch(/^and [\d,]+ more problems not listed/);
	});

	test('a CSV of events goes through the same checks and opens', () => {
		const folder = loadIncident();
		const csv = eventsCsv(folder.model!);
		const result = runImport({
			text: csv,
			fileName: 'events.csv',
			kind: kindOf('events.csv', csv)
		});
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.model.events).toHaveLength(folder.model!.events.length);
	});

	test('the kind of a file comes from its name, else from its first character', () => {
		expect(kindOf('a.CSV', '{')).toBe('csv');
		expect(kindOf('a.json', 'id,start')).toBe('json');
		expect(kindOf('export', '  {"incident":')).toBe('json');
		expect(kindOf('export', 'id,start,end')).toBe('csv');
	});
});

describe('opening by address', () => {
	const page = 'https://analyst.example/sightline/open?src=x';

	test('paths and addresses on the same site are accepted', () => {
		const a = checkSrc('/data/x.json', page);
		expect(a.ok && a.url.href).toBe('https://analyst.example/data/x.json');
		const b = checkSrc('bench/y.json', page);
		expect(b.ok && b.url.href).toBe('https://analyst.example/sightline/bench/y.json');
	});

	test.each([
		['https://evil.example/x.json', /another site, so nothing was requested from it/],
		['//evil.example/x.json', /another site/],
		['http://analyst.example/x.json', /another site/],
		['javascript:alert(1)', /"javascript:" addresses are refused/],
		['data:application/json,{}', /"data:" addresses are refused/],
		['   ', /is empty/]
	])('%s is refused without a request', (src, message) => {
		const r = checkSrc(src, page);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(message);
	});

	const fakeFetch = (body: string, headers: Record<string, string> = {}, status = 200) =>
		(async () => new Response(body, { status, headers })) as unknown as typeof fetch;

	test('a file larger than the limit is refused from its declared size, before reading', async () => {
		const result = await openUrl(
			new URL('https://a.example/big.json'),
			() => {},
			fakeFetch('{}', { 'content-length': String(MAX_IMPORT_BYTES + 1) })
		);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.errors[0]!.message).toMatch(/^file is 150\.0 MB; the limit is 150\.0 MB/);
	});

	test('a compressed answer’s length is not taken for the file’s size', async () => {
		const text = oneFile(miniFiles())!.text;
		const stages: string[] = [];
		const result = await openUrl(
			new URL('https://a.example/data/x.json'),
			(p) => stages.push(p.stage),
			// The browser has decoded the body; the length is of what crossed the network.
			fakeFetch(text, { 'content-length': '10', 'content-encoding': 'br' })
		);
		expect(result.ok).toBe(true);
		expect(result.ok && result.bytes).toBe(new TextEncoder().encode(text).length);
		expect(stages.join('\n')).not.toMatch(/ of 10 bytes/);
	});

	test('a file whose download breaks off part-way is refused with the reason, not left loading', async () => {
		const body = new ReadableStream<Uint8Array>({
			start(c) {
				c.enqueue(new TextEncoder().encode('{"incident": {'));
				c.error(new TypeError('network error'));
			}
		});
		const result = await openUrl(
			new URL('https://a.example/data/x.json'),
			() => {},
			(async () => new Response(body)) as unknown as typeof fetch
		);
		expect(result).toMatchObject({
			ok: false,
			fileName: 'x.json',
			errors: [{ path: '$', message: 'could not be fetched from /data/x.json: network error' }]
		});
	});

	test('a missing file names the status', async () => {
		const result = await openUrl(
			new URL('https://a.example/none.json'),
			() => {},
			fakeFetch('nope', {}, 404)
		);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.errors[0]!.message).toBe(
				'could not be fetched from /none.json: the server answered 404'
			);
	});
});

describe('the bytes of an opened file', () => {
	const utf8 = (text: string) => new TextEncoder().encode(text);
	/** The text's UTF-8 bytes with one raw byte in place of `marker`, and that byte's offset. */
	const withByte = (text: string, marker: string, byte: number) => {
		const at = text.indexOf(marker);
		const before = utf8(text.slice(0, at));
		const after = utf8(text.slice(at + marker.length));
		return { bytes: new Uint8Array([...before, byte, ...after]), offset: before.length };
	};
	const mini = () => oneFile(miniFiles())!.text;
	const errorsOf = (r: Awaited<ReturnType<typeof openFile>>) =>
		r.ok ? [] : r.errors.map(formatError);

	test('a JSON file that is not UTF-8 is refused at its first bad byte, not read with U+FFFD', async () => {
		const { bytes, offset } = withByte(mini().replace('Strike begins', 'Strike b¤gins'), '¤', 0xe9);
		expect(offset).toBeGreaterThan(0);
		const result = await openFile(new File([bytes], 'mine.json'), () => {});
		expect(errorsOf(result)).toEqual([
			`mine.json $: not valid UTF-8 at byte ${offset} (0xE9, line 1); save the file as UTF-8`
		]);
	});

	test('so is a CSV saved as Windows-1252', async () => {
		const csv =
			'id,start,title,parties,category,source_url\na,2016-09-17,Caf¤,A,X,https://e.org/1\n';
		const { bytes, offset } = withByte(csv, '¤', 0xe9);
		const result = await openFile(new File([bytes], 'events.csv'), () => {});
		expect(errorsOf(result)).toEqual([
			`events.csv $: not valid UTF-8 at byte ${offset} (0xE9, line 2); save the file as UTF-8`
		]);
	});

	test('and a file read by address, chunk by chunk', async () => {
		const { bytes, offset } = withByte(mini().replace('Strike begins', 'Strike b¤gins'), '¤', 0xe9);
		const fetcher = (async () => new Response(bytes)) as unknown as typeof fetch;
		const result = await openUrl(new URL('https://a.example/data/x.json'), () => {}, fetcher);
		expect(errorsOf(result)).toEqual([
			`x.json $: not valid UTF-8 at byte ${offset} (0xE9, line 1); save the file as UTF-8`
		]);
	});

	test('a file read by address in many chunks, one cut inside a character, is joined byte for byte', async () => {
		const text = mini().replace('Strike begins', 'Strike begins — قصف دير الزور');
		const bytes = utf8(text);
		const cut = bytes.indexOf(0xd9) + 1; // inside the first Arabic letter's two bytes
		const sizes = [1, 7, cut - 8, 3, 4096];
		const fetcher = (async () =>
			new Response(
				new ReadableStream<Uint8Array>({
					start(controller) {
						let at = 0;
						for (const size of sizes) {
							controller.enqueue(bytes.slice(at, at + size));
							at += size;
						}
						if (at < bytes.length) controller.enqueue(bytes.slice(at));
						controller.close();
					}
				})
			)) as unknown as typeof fetch;
		const result = await openUrl(new URL('https://a.example/data/x.json'), () => {}, fetcher);
		expect(errorsOf(result)).toEqual([]);
		expect(result.ok && result.bytes).toBe(bytes.length);
		expect(result.ok && result.model.events.map((e) => e.title)).toContain(
			'Strike begins — قصف دير الزور'
		);
	});

	test('valid UTF-8, with a byte-order mark and non-Latin text, opens as before', async () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(mini())]);
		const result = await openFile(new File([bytes], 'mine.json'), () => {});
		expect(errorsOf(result)).toEqual([]);
		expect(result.ok && result.model.events.length).toBe(3);
	});

	test('a key given twice in an opened file is named by its path', async () => {
		const text = mini().replace(
			'"title":"Strike begins"',
			'"title":"Strike","title":"Strike begins"'
		);
		expect(text).not.toBe(mini());
		const result = await openFile(new File([utf8(text)], 'mine.json'), () => {});
		const errors = errorsOf(result);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(
			/^mine\.json \$\.events\[0\]\.title: duplicate key "title" \(line 1, column \d+\); the later value would silently win$/
		);
	});
});
