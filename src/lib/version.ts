/** The version of the data this site was built from: "1a2b3c4 of 7 Dec 2026". */
import version from 'virtual:sightline/version';
import type { DatasetVersion } from './model/schema';
import { formatDate } from './model/format-time';

export { version };

/** "version 1a2b3c4 of 7 Dec 2026", or "version 5d6e7f8a9b (a hash of the data files)". */
export function versionText(v: DatasetVersion = version): string {
	return v.date
		? `version ${v.id} of ${formatDate(v.date.slice(0, 10))}`
		: `version ${v.id} (a hash of the data files)`;
}
