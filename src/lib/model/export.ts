/** Reusable exports of the model: the events as CSV for spreadsheets. */
import type { IncidentModel } from './schema';

const COLUMNS = [
	'id',
	'title',
	'start',
	'end',
	'precision',
	'approximate',
	'source_time_zone',
	'category',
	'parties',
	'disputed',
	'location',
	'latitude',
	'longitude',
	'summary',
	'source_urls',
	'start_earliest',
	'start_latest',
	'end_earliest',
	'end_latest'
] as const;

/** RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with '. */
export function csvCell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function eventsCsv(model: IncidentModel): string {
	const sources = new Map(model.sources.map((s) => [s.id, s.url]));
	const rows = model.events.map((e) => [
		e.id,
		e.title,
		e.start,
		e.end ?? '',
		e.precision,
		String(e.approximate),
		e.sourceTimeZone ?? '',
		e.category,
		e.parties.map((p) => `${p.party}:${p.role}`).join(';'),
		String(e.disputed),
		e.location?.name ?? '',
		e.location ? String(e.location.lat) : '',
		e.location ? String(e.location.lon) : '',
		e.summary,
		e.sources.map((c) => sources.get(c.source) ?? '').join(' '),
		e.startBounds?.earliest ?? '',
		e.startBounds?.latest ?? '',
		e.endBounds?.earliest ?? '',
		e.endBounds?.latest ?? ''
	]);
	return [COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
