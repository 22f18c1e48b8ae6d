declare module 'virtual:sightline/incident' {
	import type { IncidentModel } from '$lib/model/schema';
	const model: IncidentModel;
	export default model;
}

declare module 'virtual:sightline/incident-id' {
	const id: string;
	export default id;
}

declare module 'virtual:sightline/history' {
	import type { IncidentHistory } from '$lib/history/schema';
	const history: IncidentHistory;
	export default history;
}

declare module 'virtual:sightline/version' {
	import type { DatasetVersion } from '$lib/model/schema';
	const version: DatasetVersion;
	export default version;
}
