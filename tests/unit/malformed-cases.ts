/**
 * A corpus of malformed incidents, generated from the valid mini incident
 * (tests/fixtures/valid/mini/): one row per way a data file can be broken, and exactly what the
 * editor must be told. Each row is tried twice: as an incident folder on disk (loadIncident)
 * and as a one-file incident (validateSingleFile). Adding a case is adding a row.
 *
 * tests/unit/malformed.test.ts asserts every row; an audit script can run auditMalformed() and
 * print "malformed files tried: N, failed clearly: N".
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_NAMES, type FileName } from '../../src/lib/model/schema';
import { formatError, type ValidationResult } from '../../src/lib/model/validate';
import { loadIncident } from '../../src/lib/server/load-incident';
import { sizeProblem, validateSingleFile } from '../../src/lib/import/single-file';
import { decodeUtf8 } from '../../src/lib/model/utf8';

export const VALID_DIR = join(import.meta.dirname, '..', 'fixtures', 'valid', 'mini');
/** The name the one-file form of each case is given. */
export const ONE_FILE = 'mini.json';
const MB = 1024 * 1024;

// Records are edited freely; the schema is what is under test, so no static shape is assumed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

export type Breakage =
	/** Change the parsed file (events.json is { events: [...] }); it is then written as JSON. */
	| { edit: (doc: Doc) => void }
	/** Rewrite the text: of the folder file, and of the whole one-file incident. */
	| { text: (text: string) => string }
	/** Leave the file out of the folder, and its key out of the one-file incident. */
	| { omit: true }
	/** A file of this many bytes (valid JSON padded with spaces); the one-file form is only sized. */
	| { bytes: number; oneFileBytes: number }
	/** Rewrite the text as these bytes (not necessarily UTF-8): of the folder file, and of the whole. */
	| { encode: (text: string) => Uint8Array };

export interface MalformedCase {
	name: string;
	/** The folder file that is broken. */
	file: FileName;
	break: Breakage;
	/** What the folder loader reports, formatted "file path: message", in order. */
	errors: string[];
	/**
	 * What the one-file import reports, where it differs from `errors` with the file renamed
	 * to ONE_FILE (its JSON paths are the same: $.events[0] is $.events[0]).
	 */
	oneFile?: string[];
}

/** The text's UTF-8 bytes, with a raw byte (not UTF-8 on its own) where `marker` is. */
const withByte = (text: string, marker: string, byte: number) => {
	const at = text.indexOf(marker);
	const utf8 = (s: string) => [...new TextEncoder().encode(s)];
	return new Uint8Array([
		...utf8(text.slice(0, at)),
		byte,
		...utf8(text.slice(at + marker.length))
	]);
};
/** UTF-16, little-endian, with its byte-order mark, as Windows Notepad once saved "Unicode". */
const utf16le = (text: string) =>
	new Uint8Array([
		0xff,
		0xfe,
		...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])
	]);
const NOT_UTF8 = 'save the file as UTF-8';
const deepArrays = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObjects = (n: number) => '{"a":'.repeat(n) + '0' + '}'.repeat(n);
const TOP_KEYS =
	'"incident", "sources", "parties", "events", "relations", "casualties", "storylines"';
const PRECISIONS = '"minute", "hour", "day", "month", "year"';
const NOT_HTTP = 'must be an http:// or https:// URL; got';
const INVISIBLE = 'must not contain invisible characters:';
const CONTROL = 'contains the control character';
const ONLY_TAB_LF = 'only tab and line feed are allowed';

export const MALFORMED_CASES: MalformedCase[] = [
	// ------------------------------------------------------------------ not JSON, or not an object
	{
		name: 'truncated mid-file',
		file: 'events.json',
		break: { text: (t) => t.slice(0, Math.floor(t.length / 2)) },
		errors: ['events.json $: not valid JSON at line 20, column 116: Unterminated string'],
		oneFile: ['mini.json $: not valid JSON at line 135, column 23: Unterminated string']
	},
	{
		name: 'truncated just after a colon',
		file: 'events.json',
		break: { text: (t) => t.slice(0, t.indexOf('"start":') + '"start":'.length) },
		errors: [
			'events.json $: not valid JSON at line 8, column 15: the file ends in the middle of a value (cut short, or a bracket or quote not closed)'
		],
		oneFile: [
			'mini.json $: not valid JSON at line 9, column 15: the file ends in the middle of a value (cut short, or a bracket or quote not closed)'
		]
	},
	{
		name: 'empty file',
		file: 'events.json',
		break: { text: () => '' },
		errors: ['events.json $: file is empty; expected a JSON object']
	},
	{
		name: 'only whitespace',
		file: 'events.json',
		break: { text: () => ' \n\t\r\n' },
		errors: ['events.json $: file is empty; expected a JSON object']
	},
	{
		name: 'a JSON array instead of an object',
		file: 'events.json',
		break: { text: (t) => `[${t}]` },
		errors: ['events.json $: must be an object {"events": …}, got an array'],
		oneFile: [`mini.json $: must be a JSON object with the keys ${TOP_KEYS}; got an array`]
	},
	{
		name: 'null instead of an object',
		file: 'events.json',
		break: { text: () => 'null' },
		errors: ['events.json $: must be an object {"events": …}, got null'],
		oneFile: [`mini.json $: must be a JSON object with the keys ${TOP_KEYS}; got null`]
	},
	{
		name: 'a bare word where a value should be',
		file: 'events.json',
		break: { text: (t) => t.replace('"approximate": false', '"approximate": NaN') },
		errors: ['events.json $: not valid JSON at line 11, column 22: unexpected character "N"'],
		oneFile: ['mini.json $: not valid JSON at line 118, column 22: unexpected character "N"']
	},
	{
		name: 'a trailing comma',
		file: 'events.json',
		break: { text: (t) => t.replace(/\}(\s*\]\s*\}\s*)$/, '},$1') },
		errors: ['events.json $: not valid JSON at line 50, column 3: unexpected character "]"'],
		oneFile: ['mini.json $: not valid JSON at line 271, column 3: unexpected character "]"']
	},
	{
		name: 'a comment',
		file: 'events.json',
		break: { text: (t) => `// edited by hand\n${t}` },
		errors: ['events.json $: not valid JSON at line 1, column 1: unexpected character "/"'],
		oneFile: ['mini.json $: not valid JSON at line 1, column 1: unexpected character "/"']
	},
	{
		name: 'a UTF-8 BOM before a wrong type (the BOM is read past; the real problem is named)',
		file: 'events.json',
		break: { text: (t) => `\uFEFF${t.replace('"approximate": false', '"approximate": "no"')}` },
		errors: ['events.json $.events[0].approximate: must be a boolean, got the string "no"']
	},
	{
		name: 'a UTF-8 BOM before a cut file (lines and columns as the editor shows them)',
		file: 'events.json',
		break: { text: (t) => `\uFEFF${t.slice(0, t.indexOf('"start":') + '"start":'.length)}` },
		errors: [
			'events.json $: not valid JSON at line 8, column 15: the file ends in the middle of a value (cut short, or a bracket or quote not closed)'
		],
		oneFile: [
			'mini.json $: not valid JSON at line 9, column 15: the file ends in the middle of a value (cut short, or a bracket or quote not closed)'
		]
	},
	{
		name: 'a letter saved as Latin-1, not UTF-8',
		file: 'events.json',
		break: {
			encode: (t) => withByte(t.replace('Strike begins', 'Strike b¤gins'), '¤', 0xe9)
		},
		errors: [`events.json $: not valid UTF-8 at byte 134 (0xE9, line 6); ${NOT_UTF8}`],
		oneFile: [`mini.json $: not valid UTF-8 at byte 2331 (0xE9, line 113); ${NOT_UTF8}`]
	},
	{
		name: 'a character cut in half at the end of the file',
		file: 'events.json',
		break: { encode: (t) => withByte(`${t}¤`, '¤', 0xc3) },
		errors: [`events.json $: not valid UTF-8 at byte 1989 (0xC3, line 52); ${NOT_UTF8}`],
		oneFile: [`mini.json $: not valid UTF-8 at byte 5785 (0xC3, line 272); ${NOT_UTF8}`]
	},
	{
		name: 'a file saved as UTF-16',
		file: 'events.json',
		break: { encode: utf16le },
		errors: [
			'events.json $: is UTF-16 encoded (it starts with a UTF-16 byte-order mark); save it as UTF-8'
		]
	},
	{
		name: '10,000 nested arrays as the whole file',
		file: 'events.json',
		break: { text: () => deepArrays(10_000) },
		errors: ['events.json $: must be an object {"events": …}, got an array'],
		oneFile: [`mini.json $: must be a JSON object with the keys ${TOP_KEYS}; got an array`]
	},
	{
		name: '100,000 nested arrays, never closed',
		file: 'events.json',
		break: { text: () => '['.repeat(100_000) },
		errors: [
			'events.json $: not valid JSON at line 1, column 100001: the file ends in the middle of a value (cut short, or a bracket or quote not closed)'
		],
		oneFile: [
			'mini.json $: not valid JSON at line 1, column 100001: the file ends in the middle of a value (cut short, or a bracket or quote not closed)'
		]
	},
	{
		name: '10,000 nested arrays where a precision should be',
		file: 'events.json',
		break: {
			text: (t) => t.replace('"precision": "minute"', `"precision": ${deepArrays(10_000)}`)
		},
		errors: [`events.json $.events[0].precision: must be one of ${PRECISIONS}; got an array`]
	},
	{
		name: '10,000 nested objects in an unknown field',
		file: 'events.json',
		break: {
			text: (t) =>
				t.replace('"approximate": false', `"approximate": false, "x": ${deepObjects(10_000)}`)
		},
		errors: [
			'events.json $.events[0]: unknown field "x"; the fields here are id, title, summary, start, startBounds, end, endBounds, precision, approximate, sourceTimeZone, timeNote, timeSources, category, parties, location, sources, disputed, claims'
		]
	},
	{
		name: 'a "__proto__" field (read as data, never as a prototype)',
		file: 'events.json',
		break: {
			text: (t) =>
				t.replace('"approximate": false', '"approximate": false, "__proto__": { "ok": 1 }')
		},
		errors: [
			'events.json $.events[0]: unknown field "__proto__"; the fields here are id, title, summary, start, startBounds, end, endBounds, precision, approximate, sourceTimeZone, timeNote, timeSources, category, parties, location, sources, disputed, claims'
		]
	},
	{
		name: 'a 50 MB file',
		file: 'events.json',
		break: { bytes: 50 * MB, oneFileBytes: 200 * MB },
		errors: ['events.json $: file is 50.0 MB; the limit is 20 MB'],
		oneFile: [
			'mini.json $: file is 200.0 MB; the limit is 150.0 MB. Split the incident or leave out what the timeline does not need.'
		]
	},
	{
		name: 'a file left out',
		file: 'relations.json',
		break: { omit: true },
		errors: ['relations.json $: file is missing from the incident folder'],
		oneFile: ['mini.json $.relations: is required (an array)']
	},

	// ------------------------------------------------------------------------------ wrong types
	{
		name: 'a string for a number',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].location.lat = '35.26') },
		errors: ['events.json $.events[0].location.lat: must be a number, got the string "35.26"']
	},
	{
		name: 'a number for a string',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].title = 5) },
		errors: ['events.json $.events[1].title: must be a string, got number']
	},
	{
		name: 'an object for an array',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].parties = { party: 'blue-air', role: 'actor' }) },
		errors: ['events.json $.events[0].parties: must be an array, got object']
	},
	{
		name: 'an array for an object',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].location = []) },
		errors: [
			'events.json $.events[0].location: must be an object {"name": …, "lat": …, "lon": …, "precision": …}, got an array'
		]
	},
	{
		name: 'a number for a date-time',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].start = 1474116900000) },
		errors: ['events.json $.events[0].start: must be a string, got number']
	},
	{
		name: 'null for a required string',
		file: 'parties.json',
		break: { edit: (d) => (d.parties[0].name = null) },
		errors: ['parties.json $.parties[0].name: must be a string, got null']
	},
	{
		name: 'a string for a record',
		file: 'events.json',
		break: { edit: (d) => (d.events[2] = 'statement-day') },
		errors: [
			'events.json $.events[2]: must be an object {"id": …, "title": …, "summary": …, "start": …, "startBounds"?: …, "end"?: …, "endBounds"?: …, "precision": …, "approximate": …, "sourceTimeZone": …, "timeNote"?: …, "timeSources"?: …, "category": …, "parties": …, "location"?: …, "sources": …, "disputed": …, "claims"?: …}, got the string "statement-day"'
		]
	},
	{
		name: 'a number too large to store (1e999)',
		file: 'events.json',
		break: { text: (t) => t.replace('"lat": 35.26', '"lat": 1e999') },
		errors: [
			'events.json $.events[0].location.lat: must be a finite number, got one too large to store'
		]
	},
	{
		name: 'a latitude out of range',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].location.lat = 95) },
		errors: ['events.json $.events[0].location.lat: must be at most 90; got 95']
	},
	{
		name: 'a negative count',
		file: 'casualties.json',
		break: { edit: (d) => (d.casualties[0].killed = -3) },
		errors: ['casualties.json $.casualties[0].killed: must be at least 0; got -3']
	},
	{
		name: 'a title too long',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].title = 'x'.repeat(121)) },
		errors: [
			'events.json $.events[1].title: must be at most 120 characters long; got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (121 characters)'
		]
	},
	{
		name: 'a language code too short',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[0].language = 'e') },
		errors: ['sources.json $.sources[0].language: must be at least 2 characters long; got "e"']
	},
	{
		name: 'an empty list where one is needed',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].parties = []) },
		errors: ['events.json $.events[0].parties: must involve at least one party; got []']
	},
	{
		name: 'a value outside its list',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].precision = 'second') },
		errors: [`events.json $.events[0].precision: must be one of ${PRECISIONS}; got "second"`]
	},
	{
		name: 'an id that is not a slug',
		file: 'events.json',
		break: { edit: (d) => (d.events[2].id = 'Statement Day') },
		errors: [
			'events.json $.events[2].id: must be a lowercase slug of letters, digits and single hyphens (e.g. "first-call-1")'
		]
	},
	{
		name: 'a 100 KB string where a date-time should be',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].start = '2016-09-17T15:55'.padEnd(100_000, 'x')) },
		errors: [
			'events.json $.events[0].start: must be an ISO 8601 date-time with an explicit UTC offset, e.g. "2016-09-17T15:55+03:00"; got "2016-09-17T15:55xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"'
		]
	},

	// ------------------------------------------------------------------- missing or unknown fields
	{
		name: 'a required field missing',
		file: 'events.json',
		break: { edit: (d) => delete d.events[0].title },
		errors: ['events.json $.events[0].title: is required (string)']
	},
	{
		name: 'a required choice missing',
		file: 'events.json',
		break: { edit: (d) => delete d.events[1].precision },
		errors: [`events.json $.events[1].precision: is required (one of ${PRECISIONS})`]
	},
	{
		name: 'a required object missing',
		file: 'incident.json',
		break: { edit: (d) => delete d.incident.span },
		errors: ['incident.json $.incident.span: is required (an object {"start": …, "end": …})']
	},
	{
		name: 'an unknown field in a record',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].colour = 'red') },
		errors: [
			'events.json $.events[0]: unknown field "colour"; the fields here are id, title, summary, start, startBounds, end, endBounds, precision, approximate, sourceTimeZone, timeNote, timeSources, category, parties, location, sources, disputed, claims'
		]
	},
	{
		name: 'an unknown field at the top of a file',
		file: 'events.json',
		break: { edit: (d) => (d.notes = 'to do') },
		errors: ['events.json $: unknown field "notes"; the fields here are events'],
		oneFile: [`mini.json $: unknown field "notes"; expected ${TOP_KEYS}`]
	},

	// ------------------------------------------------------------------ references that dangle
	{
		name: 'an event naming an unknown party',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].parties[1].party = 'green-state') },
		errors: [
			'events.json $.events[0].parties[1].party: unknown party "green-state". Parties are listed under "parties" (parties.json).'
		]
	},
	{
		name: 'a relation naming an unknown event',
		file: 'relations.json',
		break: { edit: (d) => (d.relations[0].events[0] = 'no-such-event') },
		errors: [
			'relations.json $.relations[0].events[0]: unknown event "no-such-event". Events are listed under "events" (events.json).'
		]
	},
	{
		name: 'a citation of an unknown source',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].sources[0].source = 'no-such-source') },
		errors: [
			'events.json $.events[1].sources[0].source: unknown source "no-such-source". Sources are listed under "sources" (sources.json).'
		]
	},
	{
		name: 'a casualty claim about an unknown event',
		file: 'casualties.json',
		break: { edit: (d) => (d.casualties[1].event = 'no-such-event') },
		errors: [
			'casualties.json $.casualties[1].event: unknown event "no-such-event". Events are listed under "events" (events.json).'
		]
	},
	{
		name: 'a key moment that is not an event',
		file: 'incident.json',
		break: { edit: (d) => (d.incident.keyMoments = ['no-such-event']) },
		errors: [
			'incident.json $.incident.keyMoments[0]: unknown event "no-such-event". Events are listed under "events" (events.json).'
		]
	},
	{
		name: 'a party on an unknown side',
		file: 'parties.json',
		break: { edit: (d) => (d.parties[2].side = 'green') },
		errors: [
			'parties.json $.parties[2].side: unknown side "green". Sides are listed under "incident.sides" (incident.json).'
		]
	},

	// ---------------------------------------------------------------------------- duplicate ids
	{
		name: 'a duplicate event id',
		file: 'events.json',
		break: { edit: (d) => (d.events[2].id = 'first-call') },
		errors: ['events.json $.events[2].id: duplicate id "first-call" (first used at $.events[1])']
	},
	{
		name: 'a duplicate party id',
		file: 'parties.json',
		break: { edit: (d) => d.parties.push({ ...d.parties[0] }) },
		errors: ['parties.json $.parties[3].id: duplicate id "blue-state" (first used at $.parties[0])']
	},
	{
		name: 'a duplicate claim id',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].claims[1].id = 'blue-time') },
		errors: [
			'events.json $.events[0].claims[1].id: duplicate claim id "blue-time" (also in event "strike-begins")'
		]
	},

	// ------------------------------------------------------------------------------------ times
	{
		name: 'an impossible date: 30 February',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].start = '2016-02-30T16:25+03:00') },
		errors: [
			'events.json $.events[1].start: "2016-02-30T16:25+03:00" is not a real date-time: February 2016 has only 29 days'
		]
	},
	{
		name: 'an impossible hour: 25:00',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].start = '2016-09-17T25:00+03:00') },
		errors: [
			'events.json $.events[1].start: "2016-09-17T25:00+03:00" is not a real date-time: there is no hour 25; hours run from 00 to 23'
		]
	},
	{
		name: 'an impossible month: 13',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].start = '2016-13-17T16:25+03:00') },
		errors: [
			'events.json $.events[1].start: "2016-13-17T16:25+03:00" is not a real date-time: there is no month 13'
		]
	},
	{
		name: 'an impossible offset: +15:00',
		file: 'relations.json',
		break: { edit: (d) => (d.relations[0].start = '2016-09-17T15:55+15:00') },
		errors: [
			'relations.json $.relations[0].start: "2016-09-17T15:55+15:00" is not a real date-time: the offset +15:00 is more than 14 hours from UTC'
		]
	},
	{
		name: 'an impossible hour: 24:00 (midnight is 00:00 of the next day)',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].start = '2016-09-17T24:00+03:00') },
		errors: [
			'events.json $.events[1].start: "2016-09-17T24:00+03:00" is not a real date-time: there is no hour 24; write the midnight that ends a day as 00:00 of the next day'
		]
	},
	{
		name: 'an impossible minute: 60',
		file: 'incident.json',
		break: { edit: (d) => (d.incident.focus.end = '2016-09-17T17:60+03:00') },
		errors: [
			'incident.json $.incident.focus.end: "2016-09-17T17:60+03:00" is not a real date-time: there is no minute 60; minutes run from 00 to 59'
		]
	},
	{
		name: '29 February of a year that is not a leap year, in a date-time',
		file: 'relations.json',
		break: { edit: (d) => (d.relations[0].end = '2015-02-29T00:00Z') },
		errors: [
			'relations.json $.relations[0].end: "2015-02-29T00:00Z" is not a real date-time: February 2015 has only 28 days'
		]
	},
	{
		name: 'an impossible publication date: 30 February',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[0].published = '2016-02-30') },
		errors: [
			'sources.json $.sources[0].published: "2016-02-30" is not a real date: February 2016 has only 29 days'
		]
	},
	{
		name: 'an impossible claim date: month 13',
		file: 'casualties.json',
		break: { edit: (d) => (d.casualties[0].claimedOn = '2016-13-01') },
		errors: [
			'casualties.json $.casualties[0].claimedOn: "2016-13-01" is not a real date: there is no month 13'
		]
	},
	{
		name: 'an impossible month on its own: 2016-00',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].claims[1].madeOn = '2016-00') },
		errors: [
			'events.json $.events[0].claims[1].madeOn: "2016-00" is not a real date: there is no month 00'
		]
	},
	{
		name: '29 February of a year that is not a leap year, in a date',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].claims[0].madeOn = '2015-02-29') },
		errors: [
			'events.json $.events[0].claims[0].madeOn: "2015-02-29" is not a real date: February 2015 has only 28 days'
		]
	},
	{
		name: 'an impossible date and a wrong type in one file, reported together',
		file: 'events.json',
		break: {
			edit: (d) => {
				d.events[0].claims[0].madeOn = '2016-02-30';
				d.events[1].start = '2016-09-31T16:25+03:00';
				d.events[1].approximate = 'yes';
			}
		},
		errors: [
			'events.json $.events[0].claims[0].madeOn: "2016-02-30" is not a real date: February 2016 has only 29 days',
			'events.json $.events[1].start: "2016-09-31T16:25+03:00" is not a real date-time: September 2016 has only 30 days',
			'events.json $.events[1].approximate: must be a boolean, got the string "yes"'
		]
	},
	{
		name: 'a time with no offset',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].start = '2016-09-17T16:25') },
		errors: [
			'events.json $.events[1].start: must be an ISO 8601 date-time with an explicit UTC offset, e.g. "2016-09-17T15:55+03:00"; got "2016-09-17T16:25"'
		]
	},
	{
		name: 'a date where a date-time should be',
		file: 'incident.json',
		break: { edit: (d) => (d.incident.focus.start = '2016-09-16') },
		errors: [
			'incident.json $.incident.focus.start: must be an ISO 8601 date-time with an explicit UTC offset, e.g. "2016-09-17T15:55+03:00"; got "2016-09-16"'
		]
	},
	{
		name: 'an event that ends before it starts',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].end = '2016-09-17T15:00+03:00') },
		errors: [
			'events.json $.events[0].end: end 2016-09-17T15:00+03:00 is before start 2016-09-17T15:55+03:00'
		]
	},
	{
		name: 'an incident span that runs backwards',
		file: 'incident.json',
		break: { edit: (d) => (d.incident.span.end = '2016-08-01T00:00+03:00') },
		errors: [
			'incident.json $.incident.span.end: end 2016-08-01T00:00+03:00 is before start 2016-09-01T00:00+03:00'
		]
	},
	{
		name: 'a publication date in the wrong form',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[0].published = '17/09/2016') },
		errors: [
			'sources.json $.sources[0].published: must be a date "YYYY-MM-DD", "YYYY-MM" or "YYYY", or null when the page shows no date; got "17/09/2016"'
		]
	},
	// ------------------------------------------------------------------ what a curator is told (issue: a validator to trust)
	{
		name: "an offset that is not the source zone's at that moment",
		file: 'events.json',
		break: {
			edit: (d) => {
				d.events[0].sourceTimeZone = 'Asia/Kolkata';
			}
		},
		errors: [
			'events.json $.events[0].start: "2016-09-17T15:55+03:00": the offset +03:00 is not that of Asia/Kolkata (its sourceTimeZone), which was +05:30 at that moment; write the source\'s clock time with +05:30, or correct sourceTimeZone',
			'events.json $.events[0].end: "2016-09-17T16:56+03:00": the offset +03:00 is not that of Asia/Kolkata (its sourceTimeZone), which was +05:30 at that moment; write the source\'s clock time with +05:30, or correct sourceTimeZone'
		]
	},
	{
		name: 'an offset written +4:30',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].start = '2016-09-17T16:25+4:30') },
		errors: [
			'events.json $.events[1].start: must write its UTC offset as ±HH:MM, e.g. "+04:30"; got "2016-09-17T16:25+4:30"'
		]
	},
	{
		name: 'an offset written +0430',
		file: 'relations.json',
		break: { edit: (d) => (d.relations[0].start = '2016-09-17T15:55+0300') },
		errors: [
			'relations.json $.relations[0].start: must write its UTC offset as ±HH:MM, e.g. "+03:00"; got "2016-09-17T15:55+0300"'
		]
	},
	{
		name: 'a misspelt field name',
		file: 'events.json',
		break: {
			edit: (d) => {
				d.events[1].sourceTimezone = d.events[1].sourceTimeZone;
				delete d.events[1].sourceTimeZone;
			}
		},
		errors: [
			'events.json $.events[1].sourceTimeZone: is required (a string, or null when the source gave none)',
			'events.json $.events[1]: unknown field "sourceTimezone" (did you mean "sourceTimeZone"?)'
		]
	},
	{
		name: 'a misspelt party id',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].parties[0].party = 'red-stat') },
		errors: [
			'events.json $.events[1].parties[0].party: unknown party "red-stat"; did you mean "red-state"? Parties are listed under "parties" (parties.json).'
		]
	},
	{
		name: 'a misspelt category, and a source that is not there',
		file: 'events.json',
		break: {
			edit: (d) => {
				d.events[1].category = 'statment';
				d.events[1].sources[0].source = 'wire-9';
			}
		},
		errors: [
			'events.json $.events[1].category: unknown category "statment"; did you mean "statement"? Categories are listed under "incident.categories" (incident.json).',
			'events.json $.events[1].sources[0].source: unknown source "wire-9"; did you mean "wire-1"? Sources are listed under "sources" (sources.json).'
		]
	},
	{
		name: 'a citation given as a bare id, not an object',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].sources = ['wire-1']) },
		errors: [
			'events.json $.events[1].sources[0]: must be an object {"source": …, "quote"?: …, "locator"?: …}, got the string "wire-1"'
		]
	},
	{
		name: 'a source time zone given as a number',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].sourceTimeZone = 3) },
		errors: [
			'events.json $.events[1].sourceTimeZone: must be a string, or null when the source gave none, got number'
		]
	},
	{
		name: 'a wrong type and an unknown party in other files, reported in one run',
		file: 'events.json',
		break: {
			edit: (d) => {
				d.events[1].approximate = 'yes';
				d.events[2].parties[0].party = 'no-such-party';
			}
		},
		errors: [
			'events.json $.events[1].approximate: must be a boolean, got the string "yes"',
			'events.json $.events[2].parties[0].party: unknown party "no-such-party". Parties are listed under "parties" (parties.json).'
		]
	},
	{
		name: "an event and a claim outside the incident's span",
		file: 'events.json',
		break: {
			edit: (d) => {
				d.events[2].start = '2015-06-01T00:00+03:00';
				d.events[0].claims[0].madeOn = '2017-03';
			}
		},
		errors: [
			'events.json $.events[0].claims[0].madeOn: "2017-03" is after the incident\'s span (2016-09-01T00:00+03:00 to 2016-12-31T00:00+02:00 in incident.json)',
			'events.json $.events[2].start: "2015-06-01T00:00+03:00" is before the incident\'s span (2016-09-01T00:00+03:00 to 2016-12-31T00:00+02:00 in incident.json)'
		]
	},
	{
		name: "a relation that ends after the incident's span",
		file: 'relations.json',
		break: { edit: (d) => (d.relations[0].end = '2017-01-02T00:00+02:00') },
		errors: [
			'relations.json $.relations[0].end: "2017-01-02T00:00+02:00" is after the incident\'s span (2016-09-01T00:00+03:00 to 2016-12-31T00:00+02:00 in incident.json)'
		]
	},
	{
		name: 'an extra zone that takes a built-in id',
		file: 'incident.json',
		break: {
			edit: (d) => (d.incident.zones = [{ id: 'utc', zone: 'Asia/Tokyo', label: 'Tokyo' }])
		},
		errors: [
			'incident.json $.incident.zones[0].id: "utc" is one of the menu\'s own choices (incident, utc, local); give this zone another id'
		]
	},
	{
		name: 'an unknown time zone',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].sourceTimeZone = 'Mars/Olympus') },
		errors: [
			'events.json $.events[0].sourceTimeZone: must be an IANA time zone such as "Europe/Paris", "UTC" or "America/New_York", or null when the source gave none; got "Mars/Olympus"'
		]
	},

	// --------------------------------------------------- uncertain times, bounds and disputes
	{
		name: 'a minute-precision time its note calls derived, neither approximate nor bounded',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].approximate = false) },
		errors: [
			'events.json $.events[1].approximate: is given to the minute, but its timeNote calls the time "derived": mark it "approximate": true or give it startBounds (earliest/latest)'
		]
	},
	{
		name: 'a scheduled time given to the minute, not approximate',
		file: 'events.json',
		break: {
			edit: (d) => {
				d.events[1].approximate = false;
				d.events[1].timeNote =
					'The session was Scheduled for 16:25; its real start is not reported.';
			}
		},
		errors: [
			'events.json $.events[1].approximate: is given to the minute, but its timeNote calls the time "scheduled": mark it "approximate": true or give it startBounds (earliest/latest)'
		]
	},
	{
		name: 'a derived time made good by bounds instead of "approximate"',
		file: 'events.json',
		break: {
			edit: (d) => {
				d.events[1].approximate = false;
				d.events[1].startBounds = {
					earliest: '2016-09-17T16:25+03:00',
					latest: '2016-09-17T16:45+03:00'
				};
				// …and a second problem in the same event, reported with it: an unknown source.
				d.events[1].timeSources = ['state-1'];
			}
		},
		errors: [
			'events.json $.events[1].timeSources[0]: "state-1" is not among the event\'s own sources; its time can only rest on a source it cites'
		]
	},
	{
		name: 'bounds whose latest is before their earliest',
		file: 'events.json',
		break: {
			edit: (d) =>
				(d.events[1].startBounds = {
					earliest: '2016-09-17T16:45+03:00',
					latest: '2016-09-17T16:25+03:00'
				})
		},
		errors: [
			'events.json $.events[1].startBounds.latest: latest 2016-09-17T16:25+03:00 is before earliest 2016-09-17T16:45+03:00'
		]
	},
	{
		name: 'bounds that do not contain the time they bound',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].startBounds = { earliest: '2016-09-17T16:30+03:00' }) },
		errors: [
			'events.json $.events[1].startBounds.earliest: earliest 2016-09-17T16:30+03:00 is after the start 2016-09-17T16:25+03:00: the bounds must contain the time they bound'
		]
	},
	{
		name: 'bounds on a date-only event that miss its day',
		file: 'events.json',
		break: { edit: (d) => (d.events[2].startBounds = { latest: '2016-09-17T22:00+03:00' }) },
		errors: [
			'events.json $.events[2].startBounds.latest: latest 2016-09-17T22:00+03:00 is before the day the start 2016-09-18T00:00+03:00 names: the bounds must overlap it'
		]
	},
	{
		name: 'bounds with neither earliest nor latest',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].startBounds = {}) },
		errors: ['events.json $.events[1].startBounds: must give "earliest", "latest" or both']
	},
	{
		name: 'a bound with no UTC offset',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].startBounds = { latest: '2016-09-17T16:45' }) },
		errors: [
			'events.json $.events[1].startBounds.latest: must be an ISO 8601 date-time with an explicit UTC offset, e.g. "2016-09-17T15:55+03:00"; got "2016-09-17T16:45"'
		]
	},
	{
		name: 'bounds on an end the event does not have',
		file: 'events.json',
		break: { edit: (d) => (d.events[1].endBounds = { latest: '2016-09-17T17:00+03:00' }) },
		errors: ['events.json $.events[1].endBounds: gives bounds for an end, but the event has no end']
	},
	{
		name: 'an event marked disputed with one version',
		file: 'events.json',
		break: {
			edit: (d) => {
				d.events[2].disputed = true;
				d.events[2].claims = [
					{
						id: 'red-says',
						claimant: 'red-state',
						madeOn: '2016-09-18',
						statement: 'Red said so.',
						sources: [{ source: 'state-1' }]
					}
				];
			}
		},
		errors: [
			'events.json $.events[2].disputed: is marked disputed but records 1 claim; a disputed event records each competing version (two or more claims, or two or more casualty figures), so add them or set "disputed" to false'
		]
	},
	{
		name: 'an event with competing versions not marked disputed',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].disputed = false) },
		errors: [
			'events.json $.events[0].disputed: records competing versions (2 claims and 2 casualty figures), so it must be marked "disputed": true'
		]
	},

	// ------------------------------------------------------------------ keys given twice (JSON.parse keeps the last, silently)
	{
		name: 'a key given twice in a record',
		file: 'events.json',
		break: {
			text: (t) => t.replace('"approximate": false', '"approximate": true, "approximate": false')
		},
		errors: [
			'events.json $.events[0].approximate: duplicate key "approximate" (line 11, column 28); the later value would silently win'
		],
		oneFile: [
			'mini.json $.events[0].approximate: duplicate key "approximate" (line 118, column 28); the later value would silently win'
		]
	},
	{
		name: 'a key given twice, once spelled with an escape',
		file: 'events.json',
		break: {
			text: (t) =>
				t.replace('"approximate": false', '"approximate": false, "appro\\u0078imate": false')
		},
		errors: [
			'events.json $.events[0].approximate: duplicate key "approximate" (line 11, column 29); the later value would silently win'
		],
		oneFile: [
			'mini.json $.events[0].approximate: duplicate key "approximate" (line 118, column 29); the later value would silently win'
		]
	},
	{
		name: 'a list given twice at the top of a file, the first one empty',
		file: 'events.json',
		break: { text: (t) => t.replace('{', '{ "events": [],') },
		errors: [
			'events.json $.events: duplicate key "events" (line 3, column 3); the later value would silently win'
		],
		oneFile: [
			'mini.json $.events: duplicate key "events" (line 110, column 3); the later value would silently win'
		]
	},
	{
		name: 'a key given twice, with other problems reported in the same pass',
		file: 'events.json',
		break: {
			text: (t) =>
				t
					.replace('"id": "strike-begins"', '"id": "strike-begins", "id": "strike-begins"')
					.replace('"approximate": false', '"approximate": "no"')
		},
		errors: [
			'events.json $.events[0].id: duplicate key "id" (line 5, column 30); the later value would silently win',
			'events.json $.events[0].approximate: must be a boolean, got the string "no"'
		],
		oneFile: [
			'mini.json $.events[0].id: duplicate key "id" (line 112, column 30); the later value would silently win',
			'mini.json $.events[0].approximate: must be a boolean, got the string "no"'
		]
	},

	// ------------------------------------------------------------------------------------- URLs
	{
		name: 'a javascript: URL',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[0].url = 'javascript:alert(1)') },
		errors: [`sources.json $.sources[0].url: ${NOT_HTTP} "javascript:alert(1)"`]
	},
	{
		name: 'a data: URL',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[1].url = 'data:text/html,<script>alert(1)</script>') },
		errors: [
			`sources.json $.sources[1].url: ${NOT_HTTP} "data:text/html,<script>alert(1)</script>"`
		]
	},
	{
		name: 'a file: URL',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[0].url = 'file:///etc/passwd') },
		errors: [`sources.json $.sources[0].url: ${NOT_HTTP} "file:///etc/passwd"`]
	},
	{
		name: 'a URL with no scheme',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[0].url = '//example.org/wire-1') },
		errors: [`sources.json $.sources[0].url: ${NOT_HTTP} "//example.org/wire-1"`]
	},
	{
		name: 'a URL with a space before it',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[0].url = ' https://example.org/wire-1') },
		errors: [`sources.json $.sources[0].url: ${NOT_HTTP} " https://example.org/wire-1"`]
	},
	{
		name: 'a right-to-left override in a URL (the link would show its host reversed)',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[0].url = 'http://\u202Eexample.com') },
		errors: [
			`sources.json $.sources[0].url: ${INVISIBLE} U+202E (right-to-left override) at position 8 does not show, so the link could look like a different address from the one it opens`
		]
	},
	{
		name: 'a zero-width space in a URL',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[1].url = 'https://exam\u200Bple.org/state-1') },
		errors: [
			`sources.json $.sources[1].url: ${INVISIBLE} U+200B (zero-width space) at position 13 does not show, so the link could look like a different address from the one it opens`
		]
	},

	// --------------------------------------------------- characters no text may hold (issue 23)
	{
		name: 'a NUL character in a title',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].title = 'Strike\u0000 begins') },
		errors: [
			`events.json $.events[0].title: ${CONTROL} U+0000 (null) at position 7; ${ONLY_TAB_LF}`
		]
	},
	{
		name: 'a terminal escape sequence in a party name',
		file: 'parties.json',
		break: { edit: (d) => (d.parties[0].name = '\u001b[31mBlue State') },
		errors: [
			`parties.json $.parties[0].name: ${CONTROL} U+001B (escape) at position 1; ${ONLY_TAB_LF}`
		]
	},
	{
		name: 'a carriage return in a nested note',
		file: 'sources.json',
		break: { edit: (d) => (d.sources[1].reliability.note = 'State-owned\r\nbroadcaster.') },
		errors: [
			`sources.json $.sources[1].reliability.note: ${CONTROL} U+000D (carriage return) at position 12; ${ONLY_TAB_LF}`
		]
	},
	{
		name: 'half of a surrogate pair in a claim, after an emoji (positions count characters)',
		file: 'events.json',
		break: { edit: (d) => (d.events[0].claims[0].statement = '🛩 The strike \uD83D lasted.') },
		errors: [
			'events.json $.events[0].claims[0].statement: contains half of a character (U+D83D, a UTF-16 surrogate without its pair) at position 14; the text was cut or mis-encoded'
		]
	},
	{
		name: 'a control character and a wrong type in one file, reported together',
		file: 'events.json',
		break: {
			edit: (d) => {
				d.events[1].summary = 'Red\u0007 calls Blue.';
				d.events[2].approximate = 'no';
			}
		},
		errors: [
			`events.json $.events[1].summary: ${CONTROL} U+0007 (bell) at position 4; ${ONLY_TAB_LF}`,
			'events.json $.events[2].approximate: must be a boolean, got the string "no"'
		]
	}
];

// ---------------------------------------------------------------------------------------------
// Building and running a case.

const validText = (file: FileName) => readFileSync(join(VALID_DIR, file), 'utf8');
const validDoc = (file: FileName): Doc => JSON.parse(validText(file));

/** The valid incident as one file's JSON, with the case's edit applied. */
function oneFileDoc(edit?: { file: FileName; fn: (doc: Doc) => void }, omit?: FileName): Doc {
	const out: Doc = {};
	for (const file of FILE_NAMES) {
		if (file === omit) continue;
		let doc: Doc;
		try {
			doc = validDoc(file);
		} catch {
			continue; // an optional file the fixture does not have
		}
		if (edit?.file === file) edit.fn(doc);
		for (const [key, value] of Object.entries(doc)) if (key !== '$schema') out[key] = value;
	}
	return out;
}

const hasFile = (file: FileName) => {
	try {
		validText(file);
		return true;
	} catch {
		return false;
	}
};

/** Writes the case as an incident folder under root: the valid files, one of them broken. */
export function writeCaseFolder(c: MalformedCase, root: string): string {
	const dir = join(root, c.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const file of FILE_NAMES) {
		if (!hasFile(file) || file === c.file) continue;
		writeFileSync(join(dir, file), validText(file));
	}
	const path = join(dir, c.file);
	const b = c.break;
	if ('edit' in b) {
		const doc = validDoc(c.file);
		b.edit(doc);
		writeFileSync(path, JSON.stringify(doc, null, 2));
	} else if ('text' in b) writeFileSync(path, b.text(validText(c.file)));
	else if ('encode' in b) writeFileSync(path, b.encode(validText(c.file)));
	else if ('bytes' in b) {
		const text = validText(c.file);
		writeFileSync(path, text + ' '.repeat(b.bytes - Buffer.byteLength(text)));
	}
	return dir;
}

export interface Outcome {
	ok: boolean;
	/** Whether a model came back: it must not, when anything is wrong. */
	modelBuilt: boolean;
	errors: string[];
}

const outcome = (r: ValidationResult): Outcome => ({
	ok: r.ok,
	modelBuilt: r.model !== undefined,
	errors: r.errors.map(formatError)
});

/** Runs the case through the folder loader, as the build and the validate CLI do. */
export function runFolder(c: MalformedCase, root: string): Outcome {
	const dir = writeCaseFolder(c, root);
	try {
		return outcome(loadIncident(dir));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Runs the case through the one-file import, as a user's own file is checked. */
export function runOneFile(c: MalformedCase): Outcome {
	const b = c.break;
	if ('bytes' in b) {
		const problem = sizeProblem(b.oneFileBytes, ONE_FILE);
		return problem
			? { ok: false, modelBuilt: false, errors: [formatError(problem)] }
			: { ok: true, modelBuilt: true, errors: [] };
	}
	const whole = (doc: Doc) => JSON.stringify(doc, null, 2);
	if ('encode' in b) {
		// As the browser reads an opened file: the bytes are decoded first (src/lib/import/open.ts).
		const decoded = decodeUtf8(b.encode(whole(oneFileDoc())));
		return 'error' in decoded
			? { ok: false, modelBuilt: false, errors: [`${ONE_FILE} $: ${decoded.error}`] }
			: outcome(validateSingleFile(decoded.text, ONE_FILE));
	}
	const text =
		'edit' in b
			? whole(oneFileDoc({ file: c.file, fn: b.edit }))
			: 'omit' in b
				? whole(oneFileDoc(undefined, c.file))
				: b.text(whole(oneFileDoc()));
	return outcome(validateSingleFile(text, ONE_FILE));
}

/** What the case must report on each path. */
export function expectedErrors(c: MalformedCase, path: 'folder' | 'one-file'): string[] {
	if (path === 'folder') return c.errors;
	return c.oneFile ?? c.errors.map((e) => e.replace(/^\S+ /, `${ONE_FILE} `));
}

/** A message a person can act on: one short line of words, no stack, no internals. */
export function readsClearly(message: string): boolean {
	return (
		message.length >= 10 &&
		message.length <= 400 &&
		!/[\n\r]|\bat \S+ \(|\[object |\bundefined\b|\bNaN\b|Error:|Too (small|big)|Invalid input/.test(
			message
		)
	);
}

/** Failed, built nothing, and said exactly what was expected, clearly. */
export function failedClearly(o: Outcome, expected: string[]): boolean {
	return (
		!o.ok &&
		!o.modelBuilt &&
		o.errors.length === expected.length &&
		o.errors.every((e, i) => e === expected[i] && readsClearly(e))
	);
}

/** For an audit: every case on both paths. */
export function auditMalformed(root: string): { tried: number; failedClearly: number } {
	let tried = 0;
	let clear = 0;
	for (const c of MALFORMED_CASES) {
		tried += 2;
		if (failedClearly(runFolder(c, root), expectedErrors(c, 'folder'))) clear++;
		if (failedClearly(runOneFile(c), expectedErrors(c, 'one-file'))) clear++;
	}
	return { tried, failedClearly: clear };
}
