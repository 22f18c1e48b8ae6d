/**
 * Okabe–Ito colours, chosen to stay distinct for the common forms of colour blindness.
 * Sides take them in the order the incident lists its sides; shape and labels always repeat
 * what colour says, so colour is never the only carrier of meaning.
 */
export const SIDE_COLOURS = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#3d3d3d',
	'#CC79A7',
	'#B07A00',
	'#56B4E9'
];

/**
 * The same hues lightened for the dark projector theme, where the deep blue and the near-black
 * of the light set would vanish into the background. Still Okabe–Ito where it can be.
 */
export const SIDE_COLOURS_DARK = [
	'#56B4E9',
	'#FF8A50',
	'#2FC59B',
	'#C9C9C9',
	'#E59CC4',
	'#F0E442',
	'#9AD0F5'
];

export function sideColours(sides: { id: string }[], dark = false): Map<string, string> {
	const set = dark ? SIDE_COLOURS_DARK : SIDE_COLOURS;
	return new Map(sides.map((s, i) => [s.id, set[i % set.length]!]));
}

/**
 * Relation colours by family, for the graph's edges and their legend: ties of alliance and
 * membership in slate, hostility in the vermilion family, contact in blue, inquiry in purple.
 * Dash patterns repeat each relation type, so colour is never all that tells them apart.
 */
export type RelationFamily = 'tie' | 'hostile' | 'contact' | 'inquiry';

export const RELATION_COLOURS: Record<RelationFamily, string> = {
	tie: '#3d4a57',
	hostile: '#B34700',
	contact: '#0072B2',
	inquiry: '#7a4f9a'
};

export const RELATION_COLOURS_DARK: Record<RelationFamily, string> = {
	tie: '#b9c3cc',
	hostile: '#FF8A50',
	contact: '#56B4E9',
	inquiry: '#c9a4e6'
};
