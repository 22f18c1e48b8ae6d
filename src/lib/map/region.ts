/**
 * The locator map's frame, worked out from the incident's own places: the regional view shows
 * the cluster where most events happened, the world view shows everything else and marks that
 * cluster's box. Pure, so it is tested without drawing; nothing here knows any incident.
 *
 * Longitudes are degrees east in [-180, 180]. A box runs eastward from `west` to `east`, so a box
 * across the antimeridian has west > east (170 → -170 is 20° wide, not 340°).
 */
import type { Place } from './places';

export interface Box {
	west: number;
	east: number;
	south: number;
	north: number;
}

export interface Region {
	/** The box the regional view is fitted to, margin included. */
	box: Box;
	/** Its centre, [lon, lat], where the regional projection is centred. */
	centre: [number, number];
	/** The places of the cluster, heaviest first: they name the region. */
	core: Place[];
}

/** Places this far from the cluster's centre place belong to the world view. */
export const CLUSTER_KM = 2500;
/** The smallest box shown, in degrees of latitude (about 330 km), so one place is not a blur. */
export const MIN_SPAN_DEG = 3;
/** The margin around the places, as a share of the box's span on each side. */
export const MARGIN = 0.15;
/** Candidates for the cluster's centre: the heaviest places (a bound on the work at scale). */
const CANDIDATES = 64;
const EARTH_KM = 6371;
const RAD = Math.PI / 180;

/** Great-circle distance in km. */
export function distanceKm(a: Pick<Place, 'lat' | 'lon'>, b: Pick<Place, 'lat' | 'lon'>): number {
	const dLat = (b.lat - a.lat) * RAD;
	const dLon = (b.lon - a.lon) * RAD;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A longitude folded into [-180, 180). */
export function wrapLon(lon: number): number {
	return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** The eastward width of a box in degrees (0–360). */
export function lonWidth(box: Pick<Box, 'west' | 'east'>): number {
	const w = box.east - box.west;
	return w < 0 ? w + 360 : w;
}

/**
 * The narrowest eastward arc holding every longitude: the complement of the widest gap between
 * neighbours around the circle. [178, -179] is 3° wide across the antimeridian, not 357°.
 */
export function lonArc(lons: readonly number[]): { west: number; east: number } {
	const sorted = [...new Set(lons.map(wrapLon))].sort((a, b) => a - b);
	if (sorted.length === 0) return { west: 0, east: 0 };
	let gap = sorted[0]! + 360 - sorted[sorted.length - 1]!;
	let west = sorted[0]!;
	let east = sorted[sorted.length - 1]!;
	for (let i = 1; i < sorted.length; i++) {
		const g = sorted[i]! - sorted[i - 1]!;
		if (g > gap) {
			gap = g;
			west = sorted[i]!;
			east = sorted[i - 1]!;
		}
	}
	return { west, east };
}

/** Whether a point lies in a box (the box may cross the antimeridian). */
export function inBox(p: Pick<Place, 'lat' | 'lon'>, box: Box): boolean {
	if (p.lat < box.south || p.lat > box.north) return false;
	const offset = wrapLon(p.lon) - box.west;
	return (offset < 0 ? offset + 360 : offset) <= lonWidth(box) + 1e-9;
}

/**
 * The cluster the regional view shows: around the place (among the heaviest) that has the most
 * events within CLUSTER_KM, ties going to the one nearer to every event; then every place
 * within that distance of it. Null when there are no places.
 */
export function regionOf(places: readonly Place[]): Region | null {
	if (places.length === 0) return null;
	const weight = (p: Place) => p.eventIds.length;
	const candidates = [...places]
		.sort((a, b) => weight(b) - weight(a) || a.id.localeCompare(b.id))
		.slice(0, CANDIDATES);
	let best: { centre: Place; near: number; cost: number } | null = null;
	for (const c of candidates) {
		let near = 0;
		let cost = 0;
		for (const p of places) {
			const d = distanceKm(c, p);
			if (d <= CLUSTER_KM) near += weight(p);
			cost += d * weight(p);
		}
		if (!best || near > best.near || (near === best.near && cost < best.cost))
			best = { centre: c, near, cost };
	}
	const centre = best!.centre;
	const core = places
		.filter((p) => distanceKm(centre, p) <= CLUSTER_KM)
		.sort((a, b) => weight(b) - weight(a) || a.name.localeCompare(b.name));
	const box = padBox(
		{
			...lonArc(core.map((p) => p.lon)),
			south: Math.min(...core.map((p) => p.lat)),
			north: Math.max(...core.map((p) => p.lat))
		},
		centre.lat
	);
	const centreLon = wrapLon(box.west + lonWidth(box) / 2);
	return { box, centre: [centreLon, (box.south + box.north) / 2], core };
}

/** A box grown by the margin and to the smallest span, kept off the poles. */
function padBox(box: Box, lat: number): Box {
	const latSpan = box.north - box.south;
	const latPad = Math.max(latSpan * MARGIN, (MIN_SPAN_DEG - latSpan) / 2);
	// The same smallest span in km east–west as north–south, up to a quarter of the globe.
	const minLon = Math.min(90, MIN_SPAN_DEG / Math.max(0.1, Math.cos(lat * RAD)));
	const lonSpan = lonWidth(box);
	const lonPad = Math.max(lonSpan * MARGIN, (minLon - lonSpan) / 2);
	if (lonSpan + 2 * lonPad >= 360) return { west: -180, east: 180, ...latRange(box, latPad) };
	return {
		west: wrapLon(box.west - lonPad),
		east: wrapLon(box.east + lonPad),
		...latRange(box, latPad)
	};
}

function latRange(box: Box, pad: number): Pick<Box, 'south' | 'north'> {
	return { south: Math.max(-89, box.south - pad), north: Math.min(89, box.north + pad) };
}

/**
 * The box's outline as a ring of [lon, lat] points, clockwise as d3-geo wants an exterior ring
 * (south-west, up the west side, along the north, down the east, back along the south), with a
 * point every degree so its sides follow the parallels rather than great circles.
 */
export function boxRing(box: Box): [number, number][] {
	const width = lonWidth(box);
	const steps = Math.max(1, Math.ceil(width));
	const along = (lat: number, reverse: boolean) =>
		Array.from({ length: steps + 1 }, (_, i) => {
			const t = reverse ? steps - i : i;
			return [wrapLon(box.west + (width * t) / steps), lat] as [number, number];
		});
	const side = (lon: number, from: number, to: number) => {
		const n = Math.max(1, Math.ceil(Math.abs(to - from)));
		return Array.from({ length: n + 1 }, (_, i) => [lon, from + ((to - from) * i) / n]) as [
			number,
			number
		][];
	};
	const east = wrapLon(box.west + width);
	return [
		...side(box.west, box.south, box.north),
		...along(box.north, false).slice(1),
		...side(east, box.north, box.south).slice(1),
		...along(box.south, true).slice(1)
	];
}

/**
 * The region as a reader would name it, from the heaviest places in it: "the area around Mosul,
 * Erbil and 4 more places". The part of a name before its first comma is its short form.
 */
export function regionName(core: readonly Place[]): string {
	const names = [...new Set(core.map((p) => p.name.split(',')[0]!.trim()))];
	if (names.length === 0) return 'no places';
	const shown = names.slice(0, 3);
	const rest = names.length - shown.length;
	if (rest > 0)
		return `the area around ${shown.join(', ')} and ${rest} more ${rest === 1 ? 'place' : 'places'}`;
	if (shown.length === 1) return `the area around ${shown[0]}`;
	return `the area around ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
