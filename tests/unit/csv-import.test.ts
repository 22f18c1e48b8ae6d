import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	csvToIncident,
	parseCsv,
	slugify,
	sourceIdForUrl,
	unguardCell,
	type CsvImportOptions
} from '../../src/lib/import/csv';
import { validateSingleJson } from '../../src/lib/import/single-file';
import { eventsCsv } from '../../src/lib/model/export';
import type { IncidentModel } from '../../src/lib/model/schema';
import { parseInstant } from '../../src/lib/model/time';
import { textMayHoldUnwanted } from '../../src/lib/model/characters';
import { formatError, validateIncident } from '../../src/lib/model/validate';
import { loadIncident } from '../../src/lib/server/load-incident';
import { miniFiles } from './fixtures';

/** Imports, expects success, and checks the result passes the build's validation. */
function importOk(text: string, options: CsvImportOptions = { fileName: 'events.csv' }) {
	const result = csvToIncident(text, options);
	if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
	const validated = validateSingleJson(result.json, options.fileName);
	expect(validated.errors.map(formatError)).toEqual([]);
	return { model: result.json as IncidentModel, warnings: result.warnings };
}

/** Imports, expects failure, and returns the errors as "file path: message" lines. */
function importErrors(text: string, options: CsvImportOptions = { fileName: 'events.csv' }) {
	const result = csvToIncident(text, options);
	if (result.ok) throw new Error('expected the import to fail');
	return result.errors.map(formatError);
}

const HEADER = 'id,start,end,title,parties,category,source_url';

describe('parseCsv', () => {
	test('plain cells, LF line ends, a final line break makes no empty row', () => {
		expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
			['a', 'b', 'c'],
			['1', '2', '3']
		]);
		expect(parseCsv('a,b\n1,2')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});

	test('quoted cells hold commas, doubled quotes and line breaks', () => {
		expect(parseCsv('a,b\n"x, y","say ""hi"""\n"two\r\nlines",z\n')).toEqual([
			['a', 'b'],
			['x, y', 'say "hi"'],
			['two\r\nlines', 'z']
		]);
	});

	test('CRLF, and a lone CR, end rows', () => {
		expect(parseCsv('a,b\r\n1,2\r\n3,4\r\n')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4']
		]);
		expect(parseCsv('a\r1\r')).toEqual([['a'], ['1']]);
	});

	test('a UTF-8 byte-order mark is dropped', () => {
		expect(parseCsv('\uFEFFid,title\r\nx,Ünïcode\r\n')).toEqual([
			['id', 'title'],
			['x', 'Ünïcode']
		]);
	});

	test('semicolon- and tab-separated files are recognised by their header line', () => {
		expect(parseCsv('id;title;note\nx;"a; b";1,5\n')).toEqual([
			['id', 'title', 'note'],
			['x', 'a; b', '1,5']
		]);
		expect(parseCsv('id\ttitle\nx\ta, b\n')).toEqual([
			['id', 'title'],
			['x', 'a, b']
		]);
		// A comma inside a quoted header cell does not count towards the comma.
		expect(parseCsv('"a,b,c";d;e\n1;2;3')).toEqual([
			['a,b,c', 'd', 'e'],
			['1', '2', '3']
		]);
	});

	test('empty cells, an empty quoted last row and a blank line in the middle', () => {
		expect(parseCsv('a,,c\n,,\n\n""')).toEqual([['a', '', 'c'], ['', '', ''], [''], ['']]);
		expect(parseCsv('')).toEqual([]);
	});

	test('a quote inside an unquoted cell is kept as written', () => {
		expect(parseCsv('a,b\n5" gun,x"y\n')).toEqual([
			['a', 'b'],
			['5" gun', 'x"y']
		]);
	});
});

describe('csvToIncident: the column mapping', () => {
	const csv = [
		'ID , Start,end,Title,parties,category,Source URL,summary,location,latitude,longitude',
		'strike,2016-09-17T15:55+03:00,2016-09-17T16:56+03:00,Strike begins,Blue Air:actor; Red State:target,Strike,https://www.example.org/news/strike,"Blue aircraft strike, near the hill.",A hill,35.26,40.15',
		'call,2016-09-17T13:25Z,,First call,Red State:caller|Blue Air:recipient,Communication,https://www.example.org/news/strike http://wire.example.com/a,,,,',
		'statement,2016-09-18,,Red statement,red  state,Statement,http://wire.example.com/a,,,,'
	].join('\r\n');
	const options = {
		fileName: 'Mini Incident.csv',
		title: 'Mini incident',
		timeZone: 'Asia/Damascus'
	};
	const { model, warnings } = importOk(csv, options);
	const strikeSource = 'example-org-news-strike-a4c20074';
	const wireSource = 'wire-example-com-a-07416895';

	test('source ids come from the URL alone', () => {
		expect(sourceIdForUrl('https://www.example.org/news/strike')).toBe(strikeSource);
		expect(sourceIdForUrl('http://wire.example.com/a')).toBe(wireSource);
		// A query keeps two addresses of one page apart.
		expect(sourceIdForUrl('https://example.org/news/strike?id=2')).toBe(
			'example-org-news-strike-4ff518bc'
		);
	});

	test('one event per row, exactly', () => {
		expect(model.events).toEqual([
			{
				id: 'strike',
				title: 'Strike begins',
				summary: 'Blue aircraft strike, near the hill.',
				start: '2016-09-17T15:55+03:00',
				end: '2016-09-17T16:56+03:00',
				precision: 'minute',
				approximate: false,
				sourceTimeZone: null,
				category: 'strike',
				parties: [
					{ party: 'blue-air', role: 'actor' },
					{ party: 'red-state', role: 'target' }
				],
				location: { name: 'A hill', lat: 35.26, lon: 40.15, precision: 'approximate' },
				sources: [{ source: strikeSource }],
				disputed: false
			},
			{
				id: 'call',
				title: 'First call',
				summary: 'First call',
				start: '2016-09-17T13:25Z',
				precision: 'minute',
				approximate: false,
				sourceTimeZone: null,
				category: 'communication',
				parties: [
					{ party: 'red-state', role: 'caller' },
					{ party: 'blue-air', role: 'recipient' }
				],
				sources: [{ source: strikeSource }, { source: wireSource }],
				disputed: false
			},
			{
				id: 'statement',
				title: 'Red statement',
				summary: 'Red statement',
				start: '2016-09-18T00:00+03:00',
				precision: 'day',
				approximate: false,
				sourceTimeZone: null,
				category: 'statement',
				parties: [{ party: 'red-state', role: 'participant' }],
				sources: [{ source: wireSource }],
				disputed: false
			}
		]);
	});

	test('one party per distinct name, cited by the first row that names it', () => {
		const placeholder =
			'The CSV does not give the kind of party or its side, so both are placeholders.';
		expect(model.parties).toEqual([
			{
				id: 'blue-air',
				name: 'Blue Air',
				kind: 'coalition',
				side: 'all-parties',
				description: `Created by the CSV import from Mini Incident.csv, where row 2 first names it. ${placeholder}`,
				sources: [{ source: strikeSource }]
			},
			{
				id: 'red-state',
				name: 'Red State',
				kind: 'coalition',
				side: 'all-parties',
				description: `Created by the CSV import from Mini Incident.csv, where row 2 first names it. ${placeholder}`,
				sources: [{ source: strikeSource }]
			}
		]);
	});

	test('one source per distinct URL, titled by its address', () => {
		expect(model.sources).toEqual([
			{
				id: strikeSource,
				title: 'https://www.example.org/news/strike',
				publisher: 'example.org',
				published: null,
				url: 'https://www.example.org/news/strike',
				kind: 'reference',
				note: 'Created by the CSV import from row 2 of Mini Incident.csv, which gives only the address: the title is the address and the publication date is not known.'
			},
			{
				id: wireSource,
				title: 'http://wire.example.com/a',
				publisher: 'wire.example.com',
				published: null,
				url: 'http://wire.example.com/a',
				kind: 'reference',
				note: 'Created by the CSV import from row 3 of Mini Incident.csv, which gives only the address: the title is the address and the publication date is not known.'
			}
		]);
	});

	test('the incident record: categories, one side, a span padded by a day', () => {
		expect(model.incident).toEqual({
			id: 'mini-incident',
			title: 'Mini incident',
			summary: 'Imported from Mini Incident.csv with 3 events.',
			timeZone: 'Asia/Damascus',
			timeZoneLabel: 'Damascus',
			// First start 17 Sep 15:55 less a day; the date-only 18 Sep covers its day, plus a day.
			span: { start: '2016-09-16T15:55+03:00', end: '2016-09-20T00:00+03:00' },
			focus: { start: '2016-09-16T15:55+03:00', end: '2016-09-20T00:00+03:00' },
			sides: [
				{
					id: 'all-parties',
					name: 'All parties',
					description:
						'The CSV does not say which side a party is on, so every party is on this one side.'
				}
			],
			categories: [
				{ id: 'strike', name: 'Strike' },
				{ id: 'communication', name: 'Communication' },
				{ id: 'statement', name: 'Statement' }
			],
			keyMoments: [],
			sources: [{ source: strikeSource }]
		});
		expect(model.relations).toEqual([]);
		expect(model.casualties).toEqual([]);
		expect(model.storylines).toEqual([]);
		expect(warnings).toEqual([]);
	});

	test('defaults: title is the file name, zone UTC, one event', () => {
		const { model } = importOk(`${HEADER}\nx,2016-09-17,,X,A,C,https://e.org/1\n`, {
			fileName: 'my events.csv'
		});
		expect(model.incident).toMatchObject({
			id: 'my-events',
			title: 'my events.csv',
			summary: 'Imported from my events.csv with 1 event.',
			timeZone: 'UTC',
			timeZoneLabel: 'UTC',
			span: { start: '2016-09-16T00:00Z', end: '2016-09-19T00:00Z' }
		});
		expect(model.events[0]!.start).toBe('2016-09-17T00:00Z');
	});

	test('semicolon-separated, with a decimal comma and names differing only in case', () => {
		const { model, warnings } = importOk(
			[
				'id;start;end;title;parties;category;source_url;latitude;longitude;disputed;approximate;precision;source_time_zone',
				'a;2016-09-17T15:55+03:00;;A;Red;Strike;https://e.org/1;35,26;40,15;TRUE;yes;hour;Asia/Damascus',
				'b;2016-09-17T16:55+03:00;;B;RED;strike;https://e.org/1;;;no;0;;'
			].join('\n')
		);
		expect(model.parties.map((p) => p.id)).toEqual(['red']);
		expect(model.incident.categories).toEqual([{ id: 'strike', name: 'Strike' }]);
		expect(model.events[0]).toMatchObject({
			location: { name: '35.26, 40.15', lat: 35.26, lon: 40.15, precision: 'approximate' },
			// A row cannot hold the versions a disputed event records: read, then not kept.
			disputed: false,
			approximate: true,
			precision: 'hour',
			sourceTimeZone: 'Asia/Damascus'
		});
		expect(model.events[1]).toMatchObject({ disputed: false, approximate: false });
		expect(warnings).toEqual([
			'row 2, column "disputed": disputed is true, but a row cannot record the competing versions a disputed event must have; imported as not disputed (give the versions as claims in a JSON file)'
		]);
	});

	test('earliest and latest bounds on the start and end, written as the times are', () => {
		const { model } = importOk(
			[
				'id,start,end,title,parties,category,source_url,approximate,start_earliest,start_latest,end_earliest,end_latest',
				'a,2016-09-17T16:25+03:00,,A,Red,Call,https://e.org/1,true,2016-09-17T16:25+03:00,2016-09-17 16:45 +0300,,',
				'b,2016-09-19,,B,Red,Call,https://e.org/1,false,,2016-09-19T12:50+02:00,,',
				'c,2016-09-17T15:55+03:00,2016-09-17T16:56+03:00,C,Red,Call,https://e.org/1,false,,,2016-09-17T16:50+03:00,'
			].join('\n'),
			{ fileName: 'events.csv', timeZone: 'Asia/Damascus' }
		);
		expect(model.events[0]!.startBounds).toEqual({
			earliest: '2016-09-17T16:25+03:00',
			latest: '2016-09-17T16:45+03:00'
		});
		expect(model.events[1]!.startBounds).toEqual({ latest: '2016-09-19T12:50+02:00' });
		expect(model.events[2]!.endBounds).toEqual({ earliest: '2016-09-17T16:50+03:00' });
		expect(model.events[2]!.startBounds).toBeUndefined();
	});

	test('a bound that is not a time is an error at its row and column', () => {
		expect(
			importErrors(
				'id,start,end,title,parties,category,source_url,start_latest\na,2016-09-17T16:25+03:00,,A,Red,Call,https://e.org/1,soon\n'
			)
		).toEqual([
			expect.stringMatching(/^events\.csv row 2, column "start_latest": "soon" is not a date-time/)
		]);
	});

	test('source_urls (as export.ts writes it) may replace source_url; | also separates', () => {
		const { model } = importOk(
			'id,start,end,title,parties,category,source_urls\nx,2016-09-17T10:00Z,,X,A | B,C,https://e.org/1|https://e.org/2 https://e.org/1\n'
		);
		expect(model.events[0]!.sources.map((c) => c.source)).toEqual([
			sourceIdForUrl('https://e.org/1'),
			sourceIdForUrl('https://e.org/2')
		]);
		expect(model.parties.map((p) => p.name)).toEqual(['A', 'B']);
	});

	test('names that slug alike get distinct ids; names with no Latin letters get numbered ids', () => {
		const { model } = importOk(
			`${HEADER}\nx,2016-09-17T10:00Z,,X,U.S.;U S;الجيش,قصف,https://e.org/1\n`
		);
		expect(model.parties.map((p) => [p.id, p.name])).toEqual([
			['u-s', 'U.S.'],
			['u-s-2', 'U S'],
			['party-3', 'الجيش']
		]);
		expect(model.incident.categories).toEqual([{ id: 'category-1', name: 'قصف' }]);
	});

	test('unused columns and a location without coordinates are warnings', () => {
		const { model, warnings } = importOk(
			`${HEADER},notes,location,\nx,2016-09-17T10:00Z,,X,A,C,https://e.org/1,hello,Aleppo,\n`
		);
		expect(warnings).toEqual([
			'row 1, column "notes": not a column the import knows; it is not imported',
			'row 1: column 10 has no name and is not imported',
			'row 2, column "location": "Aleppo" has no latitude and longitude, so the event has no location'
		]);
		expect(model.events[0]!.location).toBeUndefined();
	});

	test('blank rows are skipped, and row numbers stay those of the spreadsheet', () => {
		expect(
			importErrors(`${HEADER}\n,,,,,,\n\nx,2016-09-17T10:00Z,,,A,C,https://e.org/1\n`)
		).toEqual(['events.csv row 4, column "title": title is empty']);
	});

	test('a quoted cell with a line break is one row, as in a spreadsheet', () => {
		expect(
			importErrors(
				`${HEADER},summary\nx,2016-09-17T10:00Z,,X,A,C,https://e.org/1,"two\nlines"\ny,bad,,Y,A,C,https://e.org/1,\n`
			)
		).toEqual([
			'events.csv row 3, column "start": "bad" is not a date-time; write e.g. "2016-09-17T16:05+03:00", "2016-09-17T13:05Z", "2016-09-17", "2016-09" or "2016"'
		]);
	});
});

describe('csvToIncident: times', () => {
	const startOf = (cell: string, timeZone?: string) => {
		const { model } = importOk(`${HEADER}\nx,${cell},,X,A,C,https://e.org/1\n`, {
			fileName: 'e.csv',
			timeZone
		});
		return [model.events[0]!.start, model.events[0]!.precision];
	};

	test.each([
		['2016-09-17T16:05+03:00', undefined, '2016-09-17T16:05+03:00', 'minute'],
		['2016-09-17T13:05Z', undefined, '2016-09-17T13:05Z', 'minute'],
		['2016-09-17T13:05:30.5Z', undefined, '2016-09-17T13:05:30.5Z', 'minute'],
		['2016-09-17 16:05 +0300', undefined, '2016-09-17T16:05+03:00', 'minute'],
		['2016-09-17t16:05-04', undefined, '2016-09-17T16:05-04:00', 'minute'],
		['2016-09-17', undefined, '2016-09-17T00:00Z', 'day'],
		['2016-09-17', 'Asia/Damascus', '2016-09-17T00:00+03:00', 'day'],
		['2016-01', 'Asia/Damascus', '2016-01-01T00:00+02:00', 'month'],
		['2016', 'America/New_York', '2016-01-01T00:00-05:00', 'year'],
		['2016-02-29', 'Europe/London', '2016-02-29T00:00+00:00', 'day'],
		// Years 0–99 are those years (Date.UTC would make them 1900–1999), in Damascus's
		// local mean time of the day, +2:25.
		['0050-01-01', 'Asia/Damascus', '0050-01-01T00:00+02:25', 'day'],
		['0016-09-17T14:00Z', undefined, '0016-09-17T14:00Z', 'minute']
	])('%s in %s → %s, precision %s', (cell, zone, start, precision) => {
		expect(startOf(cell, zone)).toEqual([start, precision]);
	});

	test('an end in year 50 is before a start in 1950, not after it', () => {
		expect(
			importErrors(`${HEADER}\nx,1950-01-01T00:00Z,0050-06-01T00:00Z,X,A,C,https://e.org/1\n`)
		).toEqual([
			'events.csv row 2, column "end": end 0050-06-01T00:00Z is before start 1950-01-01T00:00Z'
		]);
	});

	test('a date-only event with a date-only end covers both days', () => {
		const { model } = importOk(`${HEADER}\nx,2016-09-17,2016-09-19,X,A,C,https://e.org/1\n`);
		expect(model.events[0]).toMatchObject({
			start: '2016-09-17T00:00Z',
			end: '2016-09-19T00:00Z',
			precision: 'day'
		});
		expect(model.incident.span).toEqual({ start: '2016-09-16T00:00Z', end: '2016-09-21T00:00Z' });
	});
});

describe('csvToIncident: errors', () => {
	test('every missing required column at once', () => {
		expect(importErrors('id,title,parties,summary\nx,X,A,S\n')).toEqual([
			'events.csv row 1: missing required columns "start", "end", "category", "source_url" (or "source_urls")'
		]);
		expect(importErrors('id,start,end,title,parties,source_urls\n')).toEqual([
			'events.csv row 1: missing required column "category"'
		]);
	});

	test('a column named twice', () => {
		expect(importErrors(`${HEADER},Title\nx,2016-09-17T10:00Z,,X,A,C,https://e.org/1,Y\n`)).toEqual(
			['events.csv row 1, column "title": column "title" appears more than once (columns 4 and 8)']
		);
	});

	test('an empty file and a file with only the header', () => {
		expect(importErrors('')).toEqual([
			'events.csv row 1: the file is empty; the first row must name the columns id, start, end, title, parties, category, source_url'
		]);
		expect(importErrors(`\n${HEADER}\n`)).toEqual([
			'events.csv row 1: the first row is empty; the first row must name the columns id, start, end, title, parties, category, source_url'
		]);
		expect(importErrors(`\uFEFF${HEADER}\r\n`)).toEqual([
			'events.csv row 2: there are no events: add one row per event below the header'
		]);
	});

	test('a time zone option that is not an IANA zone', () => {
		expect(
			importErrors(`${HEADER}\nx,2016-09-17,,X,A,C,https://e.org/1\n`, {
				fileName: 'events.csv',
				timeZone: 'Damascus'
			})
		).toEqual([
			'events.csv $: time zone "Damascus" is not an IANA time zone such as "UTC", "Europe/Paris" or "America/New_York"'
		]);
	});

	test('every problem in every row, each with its row and column', () => {
		const rows = [
			`${HEADER},latitude,longitude,precision,approximate,source_time_zone`,
			/* 2 */ 'a,2016-09-17T10:00Z,,Fine,A,X,https://e.org/1,,,,,',
			/* 3 */ 'a,2016-09-17T11:00Z,,Duplicate,A,X,https://e.org/1,,,,,',
			/* 4 */ 'b,2016-09-17T11:00Z,,,A,X,https://e.org/1,,,,,',
			/* 5 */ 'c,17/09/2016,,T,A,X,https://e.org/1,,,,,',
			/* 6 */ 'd,2016-09-17T16:05,,T,A,X,https://e.org/1,,,,,',
			/* 7 */ 'e,2016-09-17T16:05Z,2016-09-17T15:00Z,T,A,X,https://e.org/1,,,,,',
			/* 8 */ 'f,2016-09-17T16:05Z,,T,A,X,javascript:alert(1),,,,,',
			/* 9 */ 'g,2016-09-17T16:05Z,,T,A,X,"data:text/html,<script>alert(1)</script>",,,,,',
			/* 10 */ 'h,2016-09-17T16:05Z,,T,A,X,https://e.org/1,95,40,,,',
			/* 11 */ 'i,2016-09-17T16:05Z,,T,A,X,https://e.org/1,35,-181,,,',
			/* 12 */ 'j,2016-09-17T16:05Z,,T,A,X,https://e.org/1',
			/* 13 */ 'k,2016-02-30,,T,A,X,https://e.org/1,,,,,',
			/* 14 */ 'l,2016-09-17T16:05Z,,T,A,X,,,,,,',
			/* 15 */ 'Bad Id,2016-09-17T16:05Z,,T,A,X,https://e.org/1,,,,,',
			/* 16 */ 'm,2016-09-17T16:05Z,,T, ; ,,https://e.org/1,,,,,',
			/* 17 */ 'n,2016-09-17,,T,A,X,https://e.org/1,,,minute,maybe,Mars/Olympus',
			/* 18 */ 'o,,,,A,X,ftp://e.org/1,north,,second,,',
			/* 19 */ 'p,2016-09-17T16:05Z,,T,A,X,https://e.org/1,a,b,c,d,e,f',
			/* 20 */ 'q,2016-09-17T25:00Z,,' + 'x'.repeat(121) + ',A,X,https://e.org/1,,,,,',
			/* 21 */ '"r,2016-09-17T16:05Z,,T,A,X,https://e.org/1,,,,,'
		];
		expect(importErrors(rows.join('\r\n') + '\r\n')).toEqual([
			'events.csv row 21: a quoted cell opens in this row and is never closed; every " that starts a cell needs a closing "',
			'events.csv row 3, column "id": duplicate id "a" (first used in row 2)',
			'events.csv row 4, column "title": title is empty',
			'events.csv row 5, column "start": "17/09/2016" is not a date-time; write e.g. "2016-09-17T16:05+03:00", "2016-09-17T13:05Z", "2016-09-17", "2016-09" or "2016"',
			'events.csv row 6, column "start": "2016-09-17T16:05" has no UTC offset; add one, e.g. "2016-09-17T16:05+03:00" or "2016-09-17T16:05Z"',
			'events.csv row 7, column "end": end 2016-09-17T15:00Z is before start 2016-09-17T16:05Z',
			'events.csv row 8, column "source_url": "javascript:alert(1)" is not an http:// or https:// URL',
			'events.csv row 9, column "source_url": "data:text/html,<script>alert(1)</script>" is not an http:// or https:// URL',
			'events.csv row 10, column "latitude": latitude 95 is out of range: it must be between -90 and 90',
			'events.csv row 11, column "longitude": longitude -181 is out of range: it must be between -180 and 180',
			'events.csv row 12: has 7 cells, but the header has 12',
			'events.csv row 13, column "start": "2016-02-30" is not a real date',
			'events.csv row 14, column "source_url": no source URL: every event must cite at least one source',
			'events.csv row 15, column "id": id "Bad Id" must be a lowercase slug of letters, digits and single hyphens (e.g. "bad-id")',
			'events.csv row 16, column "category": category is empty',
			'events.csv row 16, column "parties": parties is empty: name at least one party',
			'events.csv row 17, column "precision": precision "minute" is finer than the start "2016-09-17" is written; use "day" or coarser',
			'events.csv row 17, column "approximate": approximate must be true or false; got "maybe"',
			'events.csv row 17, column "source_time_zone": "Mars/Olympus" is not an IANA time zone such as "Europe/Paris", "UTC" or "America/New_York"',
			'events.csv row 18, column "title": title is empty',
			'events.csv row 18, column "start": start is empty',
			'events.csv row 18, column "precision": precision must be one of minute, hour, day, month, year; got "second"',
			'events.csv row 18, column "source_url": "ftp://e.org/1" is not an http:// or https:// URL',
			'events.csv row 18, column "latitude": latitude "north" is not a number',
			'events.csv row 18, column "longitude": longitude is empty, but latitude is given: give both or neither',
			'events.csv row 19: has 13 cells, but the header has 12; a value that contains a comma must be in double quotes',
			'events.csv row 20, column "title": title is 121 characters; the limit is 120',
			'events.csv row 20, column "start": "2016-09-17T25:00Z" is not a real date-time'
		]);
	});

	test('a control character in any cell, or an invisible one in an address, is refused where it is', () => {
		const rows = [
			`${HEADER},summary`,
			/* 2 */ 'a,2016-09-17T10:00Z,,T\u0000itle,A,X,https://e.org/1,',
			/* 3 */ 'b,2016-09-17T10:00Z,,T,A,X,http://\u202Eexample.com,',
			/* 4 */ 'c,2016-09-17T10:00Z,,T,\u001b[1mA,X,https://e.org/1 https://e.\u200Borg/2,"x\u0008"'
		];
		expect(importErrors(rows.join('\n') + '\n')).toEqual([
			'events.csv row 2, column "title": title contains the control character U+0000 (null) at position 2; only tab and line feed are allowed',
			'events.csv row 3, column "source_url": "http://\\u202Eexample.com" must not contain invisible characters: U+202E (right-to-left override) at position 8 does not show, so the link could look like a different address from the one it opens',
			'events.csv row 4, column "parties": parties contains the control character U+001B (escape) at position 1; only tab and line feed are allowed',
			'events.csv row 4, column "summary": summary contains the control character U+0008 (backspace) at position 2; only tab and line feed are allowed',
			'events.csv row 4, column "source_url": "https://e.\\u200Borg/2" must not contain invisible characters: U+200B (zero-width space) at position 11 does not show, so the link could look like a different address from the one it opens'
		]);
	});

	test('a lone half of a surrogate pair is found in any cell; a whole pair and CRLF lines pass', () => {
		const clean = `${HEADER}\r\na,2016-09-17T10:00Z,,T 🚀,A,X,https://e.org/1\r\n`;
		expect(textMayHoldUnwanted(clean)).toBe(false);
		importOk(clean);
		for (const [cell, code] of [
			['T\uD83D', 'D83D'],
			['\uDE80T', 'DE80']
		] as const) {
			const text = `${HEADER}\r\na,2016-09-17T10:00Z,,${cell},A,X,https://e.org/1\r\n`;
			expect(textMayHoldUnwanted(text)).toBe(true);
			expect(importErrors(text)).toEqual([
				`events.csv row 2, column "title": title contains half of a character (U+${code}, a UTF-16 surrogate without its pair) at position ${cell.startsWith('T') ? 2 : 1}; the text was cut or mis-encoded`
			]);
		}
	});

	test('a line break inside a quoted cell is a line feed, whatever ends the file’s lines', () => {
		for (const eol of ['\r\n', '\r', '\n']) {
			const { model } = importOk(
				`${HEADER},summary${eol}a,2016-09-17T10:00Z,,T,A,X,https://e.org/1,"one${eol}two"${eol}`
			);
			expect(model.events[0]!.summary, JSON.stringify(eol)).toBe('one\ntwo');
		}
	});

	test('the separator named in a wrong-count message is the file’s own', () => {
		expect(
			importErrors(
				'id;start;end;title;parties;category;source_url\nx;2016-09-17T10:00Z;;X;A;C;https://e.org/1;extra\n'
			)
		).toEqual([
			'events.csv row 2: has 8 cells, but the header has 7; a value that contains a semicolon must be in double quotes'
		]);
	});
});

describe('csvToIncident: spreadsheet formula guard', () => {
	test("exactly the ' that export.ts adds is removed", () => {
		expect(unguardCell("'=SUM(A1)")).toBe('=SUM(A1)');
		expect(unguardCell("'-3")).toBe('-3');
		expect(unguardCell("'+1")).toBe('+1');
		expect(unguardCell("'@x")).toBe('@x');
		expect(unguardCell("'quoted'")).toBe("'quoted'");
		expect(unguardCell("''=x")).toBe("''=x");
		expect(unguardCell('=x')).toBe('=x');
	});

	test('titles, summaries and negative coordinates survive export and import', () => {
		const model = structuredClone(validateIncident(miniFiles()).model!);
		model.events[0]!.title = '=HYPERLINK("http://x.example")';
		model.events[0]!.summary = '-3 reported, "per" the wire';
		model.events[0]!.location = { name: '@hill', lat: -35.26, lon: -40.15, precision: 'exact' };
		model.events[1]!.title = "+1 call, 'quoted'";
		const csv = eventsCsv(model);
		expect(csv).toContain(`"'=HYPERLINK(""http://x.example"")"`);
		expect(csv).toContain(`'-40.15`);
		const { model: back } = importOk(csv, { fileName: 'mini.csv', timeZone: 'Asia/Damascus' });
		expect(back.events[0]).toMatchObject({
			title: '=HYPERLINK("http://x.example")',
			summary: '-3 reported, "per" the wire',
			location: { name: '@hill', lat: -35.26, lon: -40.15 }
		});
		expect(back.events[1]!.title).toBe("+1 call, 'quoted'");
	});
});

describe('round trip of the bundled incident through its published CSV', () => {
	const loaded = loadIncident('deir-ez-zor-2016', join(import.meta.dirname, '..', '..'));
	const original = loaded.model!;
	const { model, warnings } = importOk(eventsCsv(original), {
		fileName: 'deir-ez-zor-2016-events.csv',
		title: original.incident.title,
		timeZone: original.incident.timeZone
	});

	test('same events: ids, titles, instants, precisions, categories', () => {
		expect(model.events.map((e) => e.id)).toEqual(original.events.map((e) => e.id));
		expect(model.events.map((e) => e.title)).toEqual(original.events.map((e) => e.title));
		expect(model.events.map((e) => parseInstant(e.start))).toEqual(
			original.events.map((e) => parseInstant(e.start))
		);
		expect(model.events.map((e) => e.end && parseInstant(e.end))).toEqual(
			original.events.map((e) => e.end && parseInstant(e.end))
		);
		expect(model.events.map((e) => e.precision)).toEqual(original.events.map((e) => e.precision));
		expect(model.events.map((e) => e.category)).toEqual(original.events.map((e) => e.category));
		expect(model.events.map((e) => [e.approximate, e.sourceTimeZone])).toEqual(
			original.events.map((e) => [e.approximate, e.sourceTimeZone])
		);
		expect(model.events.map((e) => [e.startBounds, e.endBounds])).toEqual(
			original.events.map((e) => [e.startBounds, e.endBounds])
		);
	});

	test('disputed events come back not disputed, each with a warning (a row has no versions)', () => {
		expect(model.events.every((e) => !e.disputed)).toBe(true);
		const disputed = original.events.filter((e) => e.disputed).length;
		expect(disputed).toBeGreaterThan(10);
		expect(warnings.filter((w) => w.includes('imported as not disputed'))).toHaveLength(disputed);
	});

	test('same parties and roles per event, and one party per party the events name', () => {
		expect(model.events.map((e) => e.parties)).toEqual(original.events.map((e) => e.parties));
		const named = new Set(original.events.flatMap((e) => e.parties.map((p) => p.party)));
		expect(model.parties.length).toBe(named.size);
		expect(new Set(model.parties.map((p) => p.id))).toEqual(named);
	});

	test('same source addresses per event, and locations kept', () => {
		const urlOf = (m: IncidentModel) => new Map(m.sources.map((s) => [s.id, s.url]));
		const before = urlOf(original);
		const after = urlOf(model);
		expect(model.events.map((e) => e.sources.map((c) => after.get(c.source)))).toEqual(
			original.events.map((e) => e.sources.map((c) => before.get(c.source)))
		);
		expect(
			model.events.map((e) => e.location && [e.location.name, e.location.lat, e.location.lon])
		).toEqual(
			original.events.map((e) => e.location && [e.location.name, e.location.lat, e.location.lon])
		);
	});

	test('same categories, by id', () => {
		const used = new Set(original.events.map((e) => e.category));
		expect(new Set(model.incident.categories.map((c) => c.id))).toEqual(used);
	});
});

describe('a large CSV', () => {
	test('10,000 rows import into 10,000 valid events', () => {
		const lines = ['id,start,end,title,parties,category,source_urls,latitude,longitude'];
		for (let i = 0; i < 10_000; i++) {
			const minute = String(i % 60).padStart(2, '0');
			const day = String(1 + (i % 28)).padStart(2, '0');
			lines.push(
				[
					`event-${i}`,
					`2016-09-${day}T12:${minute}+03:00`,
					'',
					`"Event ${i}, row ${i + 2}"`,
					`Party ${i % 50}:actor;Party ${(i + 1) % 50}:target`,
					`Category ${i % 7}`,
					`https://example.org/report/${i % 500}`,
					String(30 + (i % 10)),
					String(-40 - (i % 10))
				].join(',')
			);
		}
		const { model } = importOk(lines.join('\r\n') + '\r\n', { fileName: 'big.csv' });
		expect(model.events).toHaveLength(10_000);
		expect(model.events[9_999]!.id).toBe('event-9999');
		expect(model.events[9_999]!.title).toBe('Event 9999, row 10001');
		expect(model.parties).toHaveLength(50);
		expect(model.sources).toHaveLength(500);
		expect(model.incident.categories).toHaveLength(7);
		expect(model.incident.span).toEqual({
			start: '2016-08-31T09:00Z',
			end: '2016-09-29T09:59Z'
		});
	}, 120_000);
});

describe('slugify', () => {
	test.each([
		['Syrian Arab Army (SAA)', 'syrian-arab-army-saa'],
		['  Région d’Alep ', 'region-d-alep'],
		['---', ''],
		['a'.repeat(100), 'a'.repeat(80)]
	])('%s → %s', (value, slug) => expect(slugify(value)).toBe(slug));
});

describe('csvToIncident: a quote that never closes', () => {
	test('in the header, it is the only error', () => {
		expect(importErrors(`id,"start,end\nx,y\n`)).toEqual([
			'events.csv row 1: a quoted cell opens in this row and is never closed; every " that starts a cell needs a closing "'
		]);
	});
});

describe('docs/csv-import.md', () => {
	test('its example imports as the page says', () => {
		const doc = readFileSync(
			join(import.meta.dirname, '..', '..', 'docs', 'csv-import.md'),
			'utf8'
		);
		const example = /```csv\n([\s\S]*?)```/.exec(doc)![1]!;
		const { model } = importOk(example, { fileName: 'mini.csv', timeZone: 'Asia/Damascus' });
		expect(model.events.map((e) => e.id)).toEqual(['strike', 'call', 'statement']);
		expect(model.events[2]).toMatchObject({
			start: '2016-09-18T00:00+03:00',
			precision: 'day',
			parties: [{ party: 'red-state', role: 'participant' }]
		});
		expect(model.parties.map((p) => p.id)).toEqual(['blue-air', 'red-state']);
		expect(model.sources).toHaveLength(2);
		expect(model.incident.categories.map((c) => c.id)).toEqual([
			'strike',
			'communication',
			'statement'
		]);
		expect(model.incident.span).toEqual({
			start: '2016-09-16T15:55+03:00',
			end: '2016-09-20T00:00+03:00'
		});
	});
});
