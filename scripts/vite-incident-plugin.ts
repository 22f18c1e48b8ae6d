/**
 * Serves the validated incident as the virtual module "virtual:sightline/incident".
 * The build stops with every validation error listed when the data is wrong, and the dev
 * server reloads when a data file changes.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { FILE_NAMES } from '../src/lib/model/schema.ts';
import { formatError } from '../src/lib/model/validate.ts';
import { incidentDir, loadIncident, selectedIncidentId } from '../src/lib/server/load-incident.ts';
import { datasetVersion } from '../src/lib/server/history-git.ts';
import { incidentHistory } from '../src/lib/server/history.ts';

const ID = 'virtual:sightline/incident';
const RESOLVED = '\0' + ID;
/** Just the incident's id, so the browser can fetch the published model instead of bundling it. */
const ID_ONLY = 'virtual:sightline/incident-id';
const RESOLVED_ID_ONLY = '\0' + ID_ONLY;
/** The dataset version alone, small enough for every page's footer. */
const VERSION = 'virtual:sightline/version';
const RESOLVED_VERSION = '\0' + VERSION;
/** The incident's history, read from git once per build (prerendering only). */
const HISTORY = 'virtual:sightline/history';
const RESOLVED_HISTORY = '\0' + HISTORY;

export function incidentData(): Plugin {
	return {
		name: 'sightline-incident',
		resolveId(id) {
			if (id === ID) return RESOLVED;
			if (id === ID_ONLY) return RESOLVED_ID_ONLY;
			if (id === VERSION) return RESOLVED_VERSION;
			return id === HISTORY ? RESOLVED_HISTORY : null;
		},
		load(id) {
			if (id === RESOLVED_ID_ONLY) {
				const result = loadIncident(selectedIncidentId());
				return `export default ${JSON.stringify(result.model?.incident.id ?? selectedIncidentId())};`;
			}
			if (id === RESOLVED_VERSION)
				return `export default ${JSON.stringify(datasetVersion(incidentDir(selectedIncidentId())))};`;
			if (id === RESOLVED_HISTORY) {
				const dir = incidentDir(selectedIncidentId());
				const history = incidentHistory(loadIncident().model?.incident.id ?? '', dir);
				return `export default JSON.parse(${JSON.stringify(JSON.stringify(history))});`;
			}
			if (id !== RESOLVED) return null;
			const incident = selectedIncidentId();
			const dir = incidentDir(incident);
			for (const name of FILE_NAMES) this.addWatchFile(join(dir, name));
			const result = loadIncident(incident);
			if (!result.ok) {
				const lines = result.errors.map((e) => '  ' + formatError(e)).join('\n');
				this.error(
					`incident "${incident}" is not valid (${result.errors.length} problem(s)):\n${lines}`
				);
			}
			// Stamped with the version of the data it was built from.
			const model = { version: datasetVersion(dir), ...result.model };
			// JSON.parse of a string literal is faster to start than the same object literal.
			return `export default JSON.parse(${JSON.stringify(JSON.stringify(model))});`;
		}
	};
}
