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

export function sideColours(sides: { id: string }[]): Map<string, string> {
	return new Map(sides.map((s, i) => [s.id, SIDE_COLOURS[i % SIDE_COLOURS.length]!]));
}
