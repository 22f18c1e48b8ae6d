/**
 * "Cite this": a record of the incident as a citation, pinned to the data version it was read
 * at, as plain text, BibTeX and CSL-JSON (what Zotero, Pandoc and most reference managers read).
 */
import type { DatasetVersion } from '../model/schema';
import { formatDate } from '../model/format-time';

export interface CiteInput {
	/** What is cited: the event's title, the party's name, the step's title. */
	title: string;
	/** What kind of page it is, for the plain text: "Event", "Party", "Briefing step". */
	kind: string;
	/** A stable key: the record's id. */
	key: string;
	incidentTitle: string;
	incidentId: string;
	version: DatasetVersion | undefined;
	/** The page's permanent address, absolute, without a version. */
	url: string;
	/** When the reader looked: today. */
	accessed: Date;
}

export const CITE_FORMATS = ['text', 'bibtex', 'csl-json'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

/** The address pinned to the version: `?v=<version>` added (or replaced). */
export function pinnedUrl(url: string, version: DatasetVersion | undefined): string {
	if (!version) return url;
	const [path, hash = ''] = url.split('#');
	const [base, query = ''] = path!.split('?');
	const params = new URLSearchParams(query);
	params.set('v', version.id);
	return `${base}?${params.toString().replace(/%2B/g, '+')}${hash ? `#${hash}` : ''}`;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const parts = (day: string) => [day.split('-').map(Number)];

/** "version 1a2b3c4 of 7 Dec 2026" */
function versionWords(v: DatasetVersion | undefined): string {
	if (!v) return 'unversioned data';
	return v.date
		? `data version ${v.id} of ${formatDate(v.date.slice(0, 10))}`
		: `data version ${v.id}`;
}

/** BibTeX braces and backslashes are escaped; a title keeps its capitals with double braces. */
function bib(s: string): string {
	return s.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[%&$#_^~]/g, (c) => `\\${c}`);
}

export function citation(input: CiteInput, format: CiteFormat): string {
	const url = pinnedUrl(input.url, input.version);
	const accessed = iso(input.accessed);
	const issued = input.version?.date?.slice(0, 10) ?? accessed;
	switch (format) {
		case 'text':
			return `“${input.title}.” ${input.kind} in ${input.incidentTitle}. Sightline, ${versionWords(input.version)}. ${url} (accessed ${formatDate(accessed)}).`;
		case 'bibtex': {
			const key = `sightline-${input.incidentId}-${input.key}`.replace(/[^A-Za-z0-9:_-]/g, '-');
			return [
				`@misc{${key},`,
				`  title = {{${bib(input.title)}}},`,
				`  howpublished = {\\url{${url}}},`,
				`  organization = {Sightline},`,
				`  note = {${bib(`${input.kind} in ${input.incidentTitle}, ${versionWords(input.version)}`)}},`,
				`  year = {${issued.slice(0, 4)}},`,
				`  version = {${bib(input.version?.id ?? '')}},`,
				`  urldate = {${accessed}}`,
				`}`
			].join('\n');
		}
		case 'csl-json':
			return JSON.stringify(
				[
					{
						id: `sightline-${input.incidentId}-${input.key}`,
						type: 'webpage',
						title: input.title,
						'container-title': input.incidentTitle,
						publisher: 'Sightline',
						genre: input.kind,
						version: input.version?.id,
						URL: url,
						issued: { 'date-parts': parts(issued) },
						accessed: { 'date-parts': parts(accessed) }
					}
				],
				null,
				2
			);
	}
}
