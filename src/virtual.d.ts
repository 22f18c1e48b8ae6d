declare module 'virtual:sightline/incident' {
	import type { IncidentModel } from '$lib/model/schema';
	const model: IncidentModel;
	export default model;
}

declare module 'virtual:sightline/incident-id' {
	const id: string;
	export default id;
}
