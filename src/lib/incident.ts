/** The incident this site was built for, validated at build time, with its lookups. */
import model from 'virtual:sightline/incident';
import { buildIndex } from './model';

export const index = buildIndex(model);
export const incident = model.incident;
