/** Places: the distinct locations events happened at, with the events at each. */
import type { IncidentEvent } from '../model/schema';

export interface Place {
	/** A URL-safe id made from the place's name. */
	id: string;
	name: string;
	lat: number;
	lon: number;
	precision: 'exact' | 'approximate' | 'city' | 'region' | 'country';
	eventIds: string[];
}

export function placeId(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'place'
	);
}

/**
 * Groups events by where they happened: a place is a name at a point. Places that share a
 * point but not a name (a province, its town, a compound in it, all given the town's
 * coordinates) stay apart, each under its own name; the events keep their order.
 */
export function placesOf(events: IncidentEvent[]): Place[] {
	const byKey = new Map<string, Place>();
	for (const e of events) {
		if (!e.location) continue;
		const { name, lat, lon, precision } = e.location;
		const key = `${lat.toFixed(3)},${lon.toFixed(3)},${name}`;
		const place = byKey.get(key);
		if (place) place.eventIds.push(e.id);
		else byKey.set(key, { id: placeId(name), name, lat, lon, precision, eventIds: [e.id] });
	}
	// Two places with the same name but different coordinates must not share an id.
	// A suffixed id can itself be a name's id ("place 2" → "place-2"), so count on until free.
	// Counting on from the last suffix given to the same name keeps this linear when thousands
	// of places share a name.
	const taken = new Set<string>();
	const nextSuffix = new Map<string, number>();
	const places = [...byKey.values()];
	for (const p of places) {
		let id = p.id;
		let n = nextSuffix.get(p.id) ?? 2;
		while (taken.has(id)) id = `${p.id}-${n++}`;
		nextSuffix.set(p.id, n);
		taken.add(id);
		p.id = id;
	}
	return places;
}

/** Places drawn at one point of the map: one mark, each place still listed by its own name. */
export interface PlaceGroup {
	lat: number;
	lon: number;
	places: Place[];
}

export function groupByPoint(places: readonly Place[]): PlaceGroup[] {
	const groups = new Map<string, PlaceGroup>();
	for (const p of places) {
		const key = `${p.lat.toFixed(3)},${p.lon.toFixed(3)}`;
		const group = groups.get(key);
		if (group) group.places.push(p);
		else groups.set(key, { lat: p.lat, lon: p.lon, places: [p] });
	}
	return [...groups.values()];
}
