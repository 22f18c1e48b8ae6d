/**
 * Import from a flat CSV of events, for incidents kept in a spreadsheet: one row is one event.
 * The result is a one-file incident (see single-file.ts) built as plain JSON; the caller
 * validates it with validateSingleJson exactly as any other one-file incident.
 *
 * Pure and browser-safe: no node modules, and no zod (the schema is imported for its types
 * only, which the compiler erases, so the browser bundle stays free of the validator).
 * docs/csv-import.md describes the columns, time formats, what is created and every error.
 */
import type { IncidentEvent, IncidentModel, Party, Precision, Source } from '../model/schema.ts';
import { EVENT_ROLES, PRECISIONS } from '../model/vocabulary.ts';
import { eventExtent } from '../model/extent.ts';
import {
	controlCharacterProblem,
	invisibleInUrlProblem,
	showInvisible,
	textMayHoldUnwanted
} from '../model/characters.ts';
import {
	daysInMonth,
	fromWall,
	isKnownTimeZone,
	isoOffset,
	parseInstant,
	toWall,
	utcTime,
	zoneOffset
} from '../model/time.ts';

export interface CsvImportError {
	/** The file the user chose, e.g. "events.csv". */
	file: string;
	/** Where: 'row 12, column "start"', 'row 12' or 'row 1' (the header); '$' for the options. */
	path: string;
	message: string;
}

export interface CsvImportOptions {
	/** Shown in every error and used for the incident's id and default title. */
	fileName: string;
	/** The incident's title; default: the file name. */
	title?: string;
	/** IANA zone of the incident: date-only times start at its midnight. Default "UTC". */
	timeZone?: string;
}

export type CsvImportResult =
	{ ok: true; json: unknown; warnings: string[] } | { ok: false; errors: CsvImportError[] };

// ---------------------------------------------------------------------------------------------
// RFC 4180 parsing

export type CsvSeparator = ',' | ';' | '\t';

/**
 * The separator of the header line: whichever of comma, semicolon and tab occurs most often
 * outside double quotes on the first line; comma when none does or on a tie.
 */
export function sniffSeparator(text: string): CsvSeparator {
	const counts = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
		const c = text[i]!;
		if (c === '"') quoted = !quoted;
		else if (!quoted && (c === '\n' || c === '\r')) break;
		else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
	}
	let best: CsvSeparator = ',';
	for (const sep of [';', '\t'] as const) if (counts[sep] > counts[best]) best = sep;
	return best;
}

interface ParsedCsv {
	rows: string[][];
	separator: CsvSeparator;
	/** 0-based index of the row in which a quoted cell opens and never closes, or null. */
	unclosedQuoteRow: number | null;
}

function parse(input: string): ParsedCsv {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	const separator = sniffSeparator(text);
	const sep = separator.charCodeAt(0);
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let cellStart = true; // nothing read yet in this cell
	let quoted = false; // inside a quoted cell
	let wasQuoted = false; // this cell was quoted (so a last line `""` is still a row)
	let openedIn = 0; // the row in which the current quoted cell opened
	const endCell = () => {
		row.push(cell);
		cell = '';
		cellStart = true;
		wasQuoted = false;
	};
	const n = text.length;
	let i = 0;
	while (i < n) {
		const c = text[i]!;
		if (quoted) {
			if (c !== '"') {
				// Copy up to the next quote in one piece: separators and line breaks included.
				const next = text.indexOf('"', i);
				const stop = next === -1 ? n : next;
				cell += text.slice(i, stop);
				i = stop;
			} else if (text[i + 1] === '"') {
				cell += '"';
				i += 2;
			} else {
				quoted = false;
				i++;
			}
		} else if (c === '"' && cellStart) {
			quoted = wasQuoted = true;
			cellStart = false;
			openedIn = rows.length;
			i++;
		} else if (c === separator) {
			endCell();
			i++;
		} else if (c === '\r' || c === '\n') {
			endCell();
			rows.push(row);
			row = [];
			i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
		} else {
			// A quote inside an unquoted cell, or text after a closing quote, is kept as written.
			// Taken up to the cell's end in one slice: added a character at a time, a cell became
			// a chain of one-character strings, and at 10,000 rows their garbage took seconds.
			let stop = i + 1;
			while (stop < n) {
				const d = text.charCodeAt(stop);
				if (d === sep || d === 13 || d === 10) break;
				stop++;
			}
			cell += text.slice(i, stop);
			cellStart = false;
			i = stop;
		}
	}
	// A line break at the very end has already ended the last row.
	if (cell !== '' || row.length > 0 || wasQuoted) {
		endCell();
		rows.push(row);
	}
	return { rows, separator, unclosedQuoteRow: quoted ? openedIn : null };
}

/**
 * Parses CSV text into rows of cells (RFC 4180): quoted cells may hold separators, doubled
 * quotes and line breaks; rows end with CRLF, LF or CR; a UTF-8 byte-order mark is dropped and
 * a line break at the very end does not make an empty last row. The separator is sniffed from
 * the header line: comma (default), semicolon or tab. A quote that never closes takes the rest
 * of the text into its cell (csvToIncident reports it).
 */
export function parseCsv(text: string): string[][] {
	return parse(text).rows;
}

// ---------------------------------------------------------------------------------------------
// Columns

const REQUIRED = ['id', 'start', 'end', 'title', 'parties', 'category', 'source_url'] as const;
/** The columns src/lib/model/export.ts writes beyond the required ones, plus source_urls. */
const OPTIONAL = [
	'source_urls',
	'precision',
	'approximate',
	'source_time_zone',
	'summary',
	'location',
	'latitude',
	'longitude',
	'disputed',
	'start_earliest',
	'start_latest',
	'end_earliest',
	'end_latest'
] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const KNOWN = new Set<string>([...REQUIRED, ...OPTIONAL]);

/** "Source URL " → "source_url": case, surrounding spaces, inner spaces and hyphens ignored. */
function columnKey(header: string): string {
	return header
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
}

/** export.ts's csvCell puts ' before a cell that a spreadsheet would run as a formula. */
const FORMULA_GUARD = /^'[=+\-@\t\r]/;

/** A line break inside a quoted cell is a line break, however the file ends its lines. */
const lineFeeds = (value: string) =>
	value.indexOf('\r') === -1 ? value : value.replace(/\r\n?/g, '\n');

export function unguardCell(value: string): string {
	return FORMULA_GUARD.test(value) ? value.slice(1) : value;
}

// ---------------------------------------------------------------------------------------------
// Ids, URLs, times

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_MAX = 80;
const TITLE_MAX = 120;
const ROLES: ReadonlySet<string> = new Set(EVENT_ROLES);

/** "Coast Guard Command (CGC)" → "coast-guard-command-cgc"; accents dropped; at most `max` long. */
export function slugify(value: string, max = ID_MAX): string {
	const slug = value
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug.slice(0, max).replace(/-+$/, '');
}

/** 32-bit FNV-1a of the string, as 8 hex digits: short, stable, the same in every browser. */
function hash8(value: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < value.length; i++) {
		h ^= value.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

/** The same test as the schema's HttpUrl, plus a URL the browser can parse. */
const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

function parseHttpUrl(value: string): URL | null {
	if (!HTTP_URL.test(value)) return null;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
	} catch {
		return null;
	}
}

/**
 * A source id from its URL alone, so the same address gets the same id in every import:
 * host and path as a slug, then a hash of the whole URL that keeps addresses differing only
 * in case, query or fragment apart. "https://www.bbc.co.uk/news/x" → "bbc-co-uk-news-x-1a2b3c4d".
 */
export function sourceIdForUrl(url: string): string {
	const parsed = parseHttpUrl(url);
	const readable = parsed
		? slugify(`${parsed.hostname.replace(/^www\./, '')} ${parsed.pathname}`, ID_MAX - 9)
		: '';
	return readable ? `${readable}-${hash8(url)}` : `source-${hash8(url)}`;
}

/** "America/New_York" → "New York"; "UTC" stays. */
function zoneLabel(zone: string): string {
	const last = zone.split('/').pop() ?? zone;
	return last.replace(/_/g, ' ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatOffset(minutes: number, zone: string): string {
	return minutes === 0 && zone === 'UTC' ? 'Z' : isoOffset(minutes);
}

/** An instant as "YYYY-MM-DDTHH:MM±HH:MM" on the zone's wall clock ("Z" for UTC). */
function formatInstant(t: number, zone: string): string {
	const d = new Date(toWall(t, zone));
	return (
		`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${formatOffset(zoneOffset(t, zone), zone)}`
	);
}

const DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(:\d{2}(?:\.\d{1,3})?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const DATE_ONLY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

type ParsedTime =
	{ ok: true; iso: string; written: Precision; instant: number } | { ok: false; message: string };

const TIME_EXAMPLES =
	'"2016-09-17T16:05+03:00", "2016-09-17T13:05Z", "2016-09-17", "2016-09" or "2016"';

/**
 * A start or end cell as an offset date-time. A clock time must carry its offset; a date, a
 * month or a year starts at local midnight in the incident's zone (the model's convention for
 * date-only events) and says how precise it was written.
 */
function parseTime(value: string, zone: string): ParsedTime {
	const dt = DATE_TIME.exec(value);
	if (dt) {
		const [, date, hh, mm, seconds = '', offset] = dt;
		if (!offset)
			return {
				ok: false,
				message: `"${value}" has no UTC offset; add one, e.g. "${date}T${hh}:${mm}+03:00" or "${date}T${hh}:${mm}Z"`
			};
		let off = offset.toUpperCase();
		if (off !== 'Z') {
			const digits = off.replace(':', '');
			off = `${digits.slice(0, 3)}:${digits.slice(3) || '00'}`;
		}
		const iso = `${date}T${hh}:${mm}${seconds}${off}`;
		const instant = parseInstant(iso);
		if (Number.isNaN(instant)) return { ok: false, message: `"${value}" is not a real date-time` };
		return { ok: true, iso, written: 'minute', instant };
	}
	const d = DATE_ONLY.exec(value);
	if (d) {
		const year = Number(d[1]);
		const month = d[2] === undefined ? 1 : Number(d[2]);
		const day = d[3] === undefined ? 1 : Number(d[3]);
		if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
			return { ok: false, message: `"${value}" is not a real date` };
		const instant = fromWall(utcTime(year, month - 1, day), zone); // utcTime keeps years 0–99
		const written: Precision = d[3] !== undefined ? 'day' : d[2] !== undefined ? 'month' : 'year';
		return { ok: true, iso: formatInstant(instant, zone), written, instant };
	}
	return { ok: false, message: `"${value}" is not a date-time; write e.g. ${TIME_EXAMPLES}` };
}

function parseBoolean(value: string): boolean | null {
	const v = value.toLowerCase();
	if (v === '' || v === 'false' || v === 'no' || v === '0') return false;
	if (v === 'true' || v === 'yes' || v === '1') return true;
	return null;
}

/** A decimal number; a decimal comma ("33,5") is read too, as semicolon-separated files use it. */
function parseNumber(value: string): number | null {
	const v = /^[+-]?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
	if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(v)) return null;
	return Number(v);
}

// ---------------------------------------------------------------------------------------------
// The import

const SIDE_ID = 'all-parties';
type Category = IncidentModel['incident']['categories'][number];

/**
 * No party kind is neutral: each one is a claim about what the party is, and several carry a
 * judgement a CSV cannot back. "state" and "government-body" grant official standing,
 * "armed-group" takes it away, "armed-force" and "unit" assert a combatant, "ngo", "media" and
 * "international-organisation" assert a civilian or multilateral body, and "person" is wrong
 * for almost every organisation. "coalition" makes the weakest claim (parties acting together)
 * and says nothing about legitimacy or combatant status, so it is the placeholder; the party's
 * description says that kind and side were not given, and the graph draws every imported party
 * with the same shape until an editor sets the real kind.
 */
const PARTY_KIND: Party['kind'] = 'coalition';

/**
 * No source kind is neutral either. "news", "wire", "official-statement", "investigation-report",
 * "monitor", "ngo-report" and "analysis" each assert who published the page and how it was made,
 * and "state-media" and "partisan" need a reliability note the CSV cannot give. "reference"
 * (listed as "Reference works") asserts the least: a page cited for what it says. The source's
 * note says it was made from a bare address, so an editor knows to set the real kind.
 */
const SOURCE_KIND: Source['kind'] = 'reference';

/** Names that differ only in case or spacing name the same party or category. */
const fold = (name: string) => name.replace(/\s+/g, ' ').toLowerCase();

interface Cells {
	/** The cell of a column in this row: formula guard removed, spaces trimmed; '' if absent. */
	get(column: Column): string;
}

/** Builds a one-file incident from the text of a CSV of events, or says everything wrong. */
export function csvToIncident(text: string, options: CsvImportOptions): CsvImportResult {
	const file = options.fileName;
	const errors: CsvImportError[] = [];
	const warnings: string[] = [];
	const at = (row: number, column?: string) =>
		column === undefined ? `row ${row}` : `row ${row}, column "${column}"`;
	const fail = (path: string, message: string) => errors.push({ file, path, message });
	const warn = (path: string, message: string) => warnings.push(`${path}: ${message}`);

	const zone = options.timeZone ?? 'UTC';
	if (!isKnownTimeZone(zone))
		return {
			ok: false,
			errors: [
				{
					file,
					path: '$',
					message: `time zone "${zone}" is not an IANA time zone such as "UTC", "Europe/Paris" or "America/New_York"`
				}
			]
		};

	const { rows, separator, unclosedQuoteRow } = parse(text);
	const header = rows[0];
	if (!header || header.every((h) => h.trim() === ''))
		return {
			ok: false,
			errors: [
				{
					file,
					path: 'row 1',
					message: `${rows.length > 1 ? 'the first row is empty' : 'the file is empty'}; the first row must name the columns ${REQUIRED.join(', ')}`
				}
			]
		};
	const unclosed = (row: number): CsvImportError => ({
		file,
		path: at(row + 1),
		message:
			'a quoted cell opens in this row and is never closed; every " that starts a cell needs a closing "'
	});
	if (unclosedQuoteRow === 0) return { ok: false, errors: [unclosed(0)] };

	// Header: known columns by index, every missing required column at once.
	const index = new Map<Column, number>();
	header.forEach((raw, i) => {
		const key = columnKey(unguardCell(raw));
		if (!KNOWN.has(key)) {
			warn(
				key === '' ? at(1) : at(1, raw.trim()),
				key === ''
					? `column ${i + 1} has no name and is not imported`
					: 'not a column the import knows; it is not imported'
			);
			return;
		}
		const first = index.get(key as Column);
		if (first !== undefined)
			fail(
				at(1, key),
				`column "${key}" appears more than once (columns ${first + 1} and ${i + 1})`
			);
		else index.set(key as Column, i);
	});
	const missing = REQUIRED.filter(
		(c) => !index.has(c) && !(c === 'source_url' && index.has('source_urls'))
	);
	if (missing.length)
		fail(
			'row 1',
			`missing required column${missing.length > 1 ? 's' : ''} ${missing
				.map((c) => (c === 'source_url' ? '"source_url" (or "source_urls")' : `"${c}"`))
				.join(', ')}`
		);
	// Rows can only be read against a sound header.
	if (errors.length) return { ok: false, errors };
	if (unclosedQuoteRow !== null) errors.push(unclosed(unclosedQuoteRow));

	const urlColumn: Column = index.has('source_url') ? 'source_url' : 'source_urls';
	// A clean file, the usual case, is known clean in one pass: its cells need no look each.
	const unwantedAnywhere = textMayHoldUnwanted(text);
	const sepName = separator === ',' ? 'comma' : separator === ';' ? 'semicolon' : 'tab';

	const events: IncidentEvent[] = [];
	const eventRow = new Map<string, number>();
	const sources = new Map<string, Source>(); // by URL
	const sourceIds = new Map<string, string>(); // id → URL, to catch the (unlikely) clash
	const parties = new Map<string, Party>(); // by folded name
	const partyIds = new Set<string>();
	const categories = new Map<string, Category>(); // by folded name
	const categoryIds = new Set<string>();
	let extentStart = Infinity;
	let extentEnd = -Infinity;

	const uniqueId = (base: string, taken: { has(id: string): boolean }) => {
		if (!taken.has(base)) return base;
		for (let k = 2; ; k++) {
			const suffix = `-${k}`;
			const id = `${base.slice(0, ID_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
			if (!taken.has(id)) return id;
		}
	};

	for (let r = 1; r < rows.length; r++) {
		const cellsOfRow = rows[r]!;
		const rowNo = r + 1;
		if (cellsOfRow.every((c) => c.trim() === '')) continue; // a blank line carries nothing
		if (r === unclosedQuoteRow) continue; // reported above; its cells are the rest of the file
		if (cellsOfRow.length !== header.length) {
			fail(
				at(rowNo),
				`has ${cellsOfRow.length} cell${cellsOfRow.length === 1 ? '' : 's'}, but the header has ${header.length}` +
					(cellsOfRow.length > header.length
						? `; a value that contains a ${sepName} must be in double quotes`
						: '')
			);
			continue;
		}
		// Each cell is read once, when first asked for (the checks below ask for most twice).
		const read: (string | undefined)[] = [];
		const cells: Cells = {
			get(column) {
				const i = index.get(column);
				if (i === undefined) return '';
				return (read[i] ??= lineFeeds(unguardCell(cellsOfRow[i] ?? '').trim()));
			}
		};
		let rowOk = true;
		const problem = (column: string, message: string) => {
			fail(at(rowNo, column), message);
			rowOk = false;
		};

		// Characters no text may carry (a NUL, an escape…), in any column the import reads.
		if (unwantedAnywhere)
			for (const column of index.keys()) {
				const message = controlCharacterProblem(cells.get(column));
				if (message) problem(column, `${column} ${message}`);
			}

		// id
		const id = cells.get('id');
		if (id === '') problem('id', 'id is empty');
		else if (!ID.test(id)) {
			const suggestion = slugify(id);
			problem(
				'id',
				`id "${id}" must be a lowercase slug of letters, digits and single hyphens` +
					(suggestion ? ` (e.g. "${suggestion}")` : '')
			);
		} else if (id.length > ID_MAX)
			problem('id', `id is ${id.length} characters; the limit is ${ID_MAX}`);
		else {
			const first = eventRow.get(id);
			if (first !== undefined) problem('id', `duplicate id "${id}" (first used in row ${first})`);
			else eventRow.set(id, rowNo);
		}

		// title and summary
		const title = cells.get('title');
		if (title === '') problem('title', 'title is empty');
		else if (title.length > TITLE_MAX)
			problem('title', `title is ${title.length} characters; the limit is ${TITLE_MAX}`);
		const summary = cells.get('summary') || title;

		// times
		const startCell = cells.get('start');
		const endCell = cells.get('end');
		const start = startCell === '' ? null : parseTime(startCell, zone);
		const end = endCell === '' ? null : parseTime(endCell, zone);
		if (start === null) problem('start', 'start is empty');
		else if (!start.ok) problem('start', start.message);
		if (end && !end.ok) problem('end', end.message);
		if (start?.ok && end?.ok && end.instant < start.instant)
			problem('end', `end ${end.iso} is before start ${start.iso}`);

		let precision: Precision = start?.ok ? start.written : 'minute';
		const precisionCell = cells.get('precision').toLowerCase();
		if (precisionCell !== '') {
			if (!PRECISIONS.includes(precisionCell as Precision))
				problem(
					'precision',
					`precision must be one of ${PRECISIONS.join(', ')}; got "${cells.get('precision')}"`
				);
			else if (
				start?.ok &&
				PRECISIONS.indexOf(precisionCell as Precision) < PRECISIONS.indexOf(start.written)
			)
				problem(
					'precision',
					`precision "${precisionCell}" is finer than the start "${startCell}" is written; use "${start.written}" or coarser`
				);
			else precision = precisionCell as Precision;
		}

		const flag = (column: 'approximate' | 'disputed') => {
			const value = parseBoolean(cells.get(column));
			if (value === null)
				problem(column, `${column} must be true or false; got "${cells.get(column)}"`);
			return value ?? false;
		};
		const approximate = flag('approximate');
		// A disputed event records its competing versions, which a row cannot hold: the flag is
		// not kept (the validator would refuse it), and the reader is told.
		if (flag('disputed'))
			warn(
				at(rowNo, 'disputed'),
				'disputed is true, but a row cannot record the competing versions a disputed event must have; imported as not disputed (give the versions as claims in a JSON file)'
			);
		const disputed = false;

		// Earliest/latest bounds on the start and end, written as the times are.
		const bound = (column: 'start_earliest' | 'start_latest' | 'end_earliest' | 'end_latest') => {
			const cell = cells.get(column);
			if (cell === '') return undefined;
			const parsed = parseTime(cell, zone);
			if (!parsed.ok) return void problem(column, parsed.message);
			return parsed.iso;
		};
		const boundsOf = (earliest?: string, latest?: string) =>
			earliest === undefined && latest === undefined
				? undefined
				: { ...(earliest ? { earliest } : {}), ...(latest ? { latest } : {}) };
		const startBounds = boundsOf(bound('start_earliest'), bound('start_latest'));
		const endBounds = boundsOf(bound('end_earliest'), bound('end_latest'));

		const zoneCell = cells.get('source_time_zone');
		if (zoneCell !== '' && !isKnownTimeZone(zoneCell))
			problem(
				'source_time_zone',
				`"${zoneCell}" is not an IANA time zone such as "Europe/Paris", "UTC" or "America/New_York"`
			);

		// category
		const categoryName = cells.get('category');
		if (categoryName === '') problem('category', 'category is empty');

		// parties: "name" or "name:role", separated by ; or |
		const named: { name: string; role: IncidentEvent['parties'][number]['role'] }[] = [];
		for (const token of cells.get('parties').split(/[;|]/)) {
			const t = token.trim();
			if (t === '') continue;
			const colon = t.lastIndexOf(':');
			const role =
				colon > 0
					? t
							.slice(colon + 1)
							.trim()
							.toLowerCase()
					: '';
			if (ROLES.has(role) && t.slice(0, colon).trim() !== '')
				named.push({
					name: t.slice(0, colon).trim(),
					role: role as IncidentEvent['parties'][number]['role']
				});
			else named.push({ name: t, role: 'participant' });
		}
		if (named.length === 0) problem('parties', 'parties is empty: name at least one party');

		// sources: one or more http(s) URLs, separated by spaces or |. An address that is
		// already a source was parsed when it became one, and is not parsed again.
		const urls: string[] = [];
		let badUrl = false;
		for (const column of ['source_url', 'source_urls'] as const) {
			for (const u of cells.get(column).split(/[\s|]+/)) {
				if (u === '') continue;
				const invisible = invisibleInUrlProblem(u);
				if (invisible) {
					problem(column, `"${showInvisible(u)}" ${invisible}`);
					badUrl = true;
				} else if (sources.has(u) || parseHttpUrl(u)) {
					if (!urls.includes(u)) urls.push(u);
				} else {
					problem(column, `"${u}" is not an http:// or https:// URL`);
					badUrl = true;
				}
			}
		}
		if (urls.length === 0 && !badUrl)
			problem(urlColumn, 'no source URL: every event must cite at least one source');

		// location
		const locationName = cells.get('location');
		const latCell = cells.get('latitude');
		const lonCell = cells.get('longitude');
		const coordinate = (column: 'latitude' | 'longitude', value: string, limit: number) => {
			const n = parseNumber(value);
			if (n === null) {
				problem(column, `${column} "${value}" is not a number`);
				return null;
			}
			if (n < -limit || n > limit) {
				problem(
					column,
					`${column} ${value} is out of range: it must be between -${limit} and ${limit}`
				);
				return null;
			}
			return n;
		};
		let location: IncidentEvent['location'];
		if (latCell !== '' || lonCell !== '') {
			const lat = latCell === '' ? null : coordinate('latitude', latCell, 90);
			const lon = lonCell === '' ? null : coordinate('longitude', lonCell, 180);
			if (latCell === '')
				problem('latitude', 'latitude is empty, but longitude is given: give both or neither');
			if (lonCell === '')
				problem('longitude', 'longitude is empty, but latitude is given: give both or neither');
			if (lat !== null && lon !== null)
				// The CSV does not say how exact the point is, so the weakest point claim is made.
				location = { name: locationName || `${lat}, ${lon}`, lat, lon, precision: 'approximate' };
		} else if (locationName !== '')
			warn(
				at(rowNo, 'location'),
				`"${locationName}" has no latitude and longitude, so the event has no location`
			);

		if (!rowOk || !start?.ok) continue;

		// Records this row creates; the first row that names a party or URL defines it.
		const citations = urls.map((url) => {
			let source = sources.get(url);
			if (!source) {
				const parsed = parseHttpUrl(url)!;
				const id = uniqueId(sourceIdForUrl(url), sourceIds);
				sourceIds.set(id, url);
				source = {
					id,
					title: url,
					publisher: parsed.hostname.replace(/^www\./, ''),
					published: null,
					url,
					kind: SOURCE_KIND,
					note: `Created by the CSV import from row ${rowNo} of ${file}, which gives only the address: the title is the address and the publication date is not known.`
				};
				sources.set(url, source);
			}
			return { source: source.id };
		});
		const eventParties: IncidentEvent['parties'] = [];
		for (const { name, role } of named) {
			const key = fold(name);
			let party = parties.get(key);
			if (!party) {
				const id = uniqueId(slugify(name) || `party-${parties.size + 1}`, partyIds);
				partyIds.add(id);
				party = {
					id,
					name: name.replace(/\s+/g, ' '),
					kind: PARTY_KIND,
					side: SIDE_ID,
					description: `Created by the CSV import from ${file}, where row ${rowNo} first names it. The CSV does not give the kind of party or its side, so both are placeholders.`,
					sources: citations.map((c) => ({ ...c }))
				};
				parties.set(key, party);
			}
			if (!eventParties.some((p) => p.party === party.id && p.role === role))
				eventParties.push({ party: party.id, role });
		}
		const categoryKey = fold(categoryName);
		let category = categories.get(categoryKey);
		if (!category) {
			const id = uniqueId(slugify(categoryName) || `category-${categories.size + 1}`, categoryIds);
			categoryIds.add(id);
			category = { id, name: categoryName.replace(/\s+/g, ' ') };
			categories.set(categoryKey, category);
		}

		const event: IncidentEvent = {
			id,
			title,
			summary,
			start: start.iso,
			...(startBounds ? { startBounds } : {}),
			...(end?.ok ? { end: end.iso } : {}),
			...(endBounds ? { endBounds } : {}),
			precision,
			approximate,
			sourceTimeZone: zoneCell === '' ? null : zoneCell,
			category: category.id,
			parties: eventParties,
			...(location ? { location } : {}),
			sources: citations,
			disputed
		};
		events.push(event);
		const { extent } = eventExtent(event);
		extentStart = Math.min(extentStart, extent[0]);
		extentEnd = Math.max(extentEnd, extent[1]);
	}

	if (errors.length) return { ok: false, errors };
	if (events.length === 0)
		return {
			ok: false,
			errors: [
				{
					file,
					path: 'row 2',
					message: 'there are no events: add one row per event below the header'
				}
			]
		};

	const DAY = 86_400_000;
	const MINUTE = 60_000;
	const span = {
		start: formatInstant(Math.floor((extentStart - DAY) / MINUTE) * MINUTE, zone),
		end: formatInstant(Math.ceil((extentEnd + DAY) / MINUTE) * MINUTE, zone)
	};
	const baseName = file.replace(/\.[^.]*$/, '');
	const allSources = [...sources.values()];
	const model: IncidentModel = {
		incident: {
			id: slugify(baseName) || 'imported-incident',
			title: options.title?.trim() || file,
			summary: `Imported from ${file} with ${events.length} event${events.length === 1 ? '' : 's'}.`,
			timeZone: zone,
			timeZoneLabel: zoneLabel(zone),
			span,
			focus: { ...span },
			sides: [
				{
					id: SIDE_ID,
					name: 'All parties',
					description:
						'The CSV does not say which side a party is on, so every party is on this one side.'
				}
			],
			categories: [...categories.values()],
			keyMoments: [],
			sources: [{ source: allSources[0]!.id }]
		},
		parties: [...parties.values()],
		events,
		relations: [],
		casualties: [],
		sources: allSources,
		storylines: []
	};
	return { ok: true, json: model, warnings };
}
