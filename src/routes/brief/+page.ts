import { index } from '$lib/incident';
import type { PageLoad } from './$types';

export const load: PageLoad = () => ({ storylines: index.model.storylines });
