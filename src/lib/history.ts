/**
 * The bundled incident's history (see history/diff.ts), for the pages that show it: read from
 * the build's own copy when prerendering, fetched from the published file in the browser. Only
 * pages that import this module load it, so no other page's scripts or downloads grow.
 */
import { base } from '$app/paths';
import incidentId from 'virtual:sightline/incident-id';
import type { IncidentHistory } from './history/schema';
import { recordHistories } from './history/diff';

export const historyPath = `${base}/data/${incidentId}-history.json`;

async function load(): Promise<IncidentHistory> {
	if (import.meta.env.SSR) return (await import('virtual:sightline/history')).default;
	const res = await fetch(historyPath);
	if (!res.ok)
		throw new Error(
			`The incident's history could not be loaded from ${historyPath} (${res.status}).`
		);
	return (await res.json()) as IncidentHistory;
}

export const history = await load();
/** Each record's own entries, newest first, by "kind:id". */
export const byRecord = recordHistories(history.revisions);
