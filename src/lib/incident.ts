/**
 * The incident this site was built for, validated at build time, with its lookups.
 *
 * Prerendering reads the model from the build's own validated copy. In the browser it is fetched
 * from the published file (/data/<id>.json, preloaded by every page that needs it) rather than
 * bundled into the JavaScript: the same bytes, but read as JSON, cached once for every page, and
 * kept out of each route's scripts. The module waits for it (top-level await), so every page
 * still has the model before it hydrates.
 */
import { modelPath } from './model-path';
import type { IncidentModel } from './model/schema';
import { buildIndex } from './model';

export { modelPath };

async function load(): Promise<IncidentModel> {
	// Replaced at build time: the client build has no copy of the model at all.
	if (import.meta.env.SSR) return (await import('virtual:sightline/incident')).default;
	const res = await fetch(modelPath);
	if (!res.ok)
		throw new Error(`The incident data could not be loaded from ${modelPath} (${res.status}).`);
	return (await res.json()) as IncidentModel;
}

const model = await load();
export const index = buildIndex(model);
export const incident = model.incident;
