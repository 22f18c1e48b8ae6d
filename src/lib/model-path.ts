/** Where the browser reads the bundled incident's model: the file researchers download. */
import { base } from '$app/paths';
import incidentId from 'virtual:sightline/incident-id';

export const modelPath = `${base}/data/${incidentId}.json`;
/** The same incident's events as CSV, published beside it. */
export const eventsCsvPath = `${base}/data/${incidentId}-events.csv`;
