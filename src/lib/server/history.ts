/** The published history of an incident folder, as the build writes it. Node only. */
import { buildRevisions } from '../history/diff.ts';
import type { IncidentHistory } from '../history/schema.ts';
import { datasetVersion, readGitHistory } from './history-git.ts';

export function incidentHistory(incident: string, dir: string): IncidentHistory {
	const version = datasetVersion(dir);
	const git = readGitHistory(dir);
	if (!git.available)
		return {
			incident,
			version,
			available: false,
			note: `No history: ${git.reason}.`,
			revisions: []
		};
	return { incident, version, available: true, revisions: buildRevisions(git.commits) };
}
