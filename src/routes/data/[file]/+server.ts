import { error } from '@sveltejs/kit';
import { index } from '$lib/incident';
import { eventsCsv } from '$lib/model/export';
import history from 'virtual:sightline/history';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

const id = index.model.incident.id;

/** The validated model, its events as CSV and its history, published for researchers to reuse. */
export const entries: EntryGenerator = () => [
	{ file: `${id}.json` },
	{ file: `${id}-events.csv` },
	{ file: `${id}-history.json` }
];

export const GET: RequestHandler = ({ params }) => {
	if (params.file === `${id}.json`) {
		const { version, incident, parties, events, relations, casualties, sources, storylines } =
			index.model;
		const body = JSON.stringify(
			{ version, incident, parties, events, relations, casualties, sources, storylines },
			null,
			2
		);
		return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
	}
	if (params.file === `${id}-history.json`) {
		return new Response(JSON.stringify(history, null, 2), {
			headers: { 'content-type': 'application/json; charset=utf-8' }
		});
	}
	if (params.file === `${id}-events.csv`) {
		return new Response(eventsCsv(index.model), {
			headers: { 'content-type': 'text/csv; charset=utf-8' }
		});
	}
	error(404, 'No such data file');
};
