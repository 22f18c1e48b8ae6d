import { index } from '$lib/incident';
import { loadStep, stepEntries } from '$lib/brief/load';
import type { EntryGenerator, PageLoad } from './$types';

/** The presenter view of every step, prerendered like the steps themselves. */
export const entries: EntryGenerator = () => stepEntries(index);

export const load: PageLoad = ({ params }) => loadStep(index, params);
