/**
 * Instants in the model are ISO 8601 strings with an explicit offset. Parsing is done by hand
 * rather than by Date.parse, whose handling of partial strings differs between engines.
 */
const ISO =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or NaN when the string is not a real offset date-time. */
export function parseInstant(value: string): number {
	const m = ISO.exec(value);
	if (!m) return NaN;
	const [, y, mo, d, h, mi, s = '0', ms = '0', z, sign, oh, om] = m;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
	if (hour > 23 || minute > 59 || second > 59) return NaN;
	let offset = 0;
	if (z !== 'Z') {
		if (Number(oh) > 14 || Number(om) > 59) return NaN;
		offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
	}
	const local = Date.UTC(year, month - 1, day, hour, minute, second, Number(ms.padEnd(3, '0')));
	return local - offset * 60_000;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MINUTE = 60_000;
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/**
 * The zone's offset from UTC in minutes at instant t (e.g. +180 for Damascus in Sept 2016).
 * Cached per zone and quarter hour: offsets only change on whole quarter hours.
 */
export function zoneOffset(t: number, zone: string): number {
	if (zone === 'UTC') return 0;
	const bucket = Math.floor(t / (15 * MINUTE));
	const key = `${zone}|${bucket}`;
	const hit = offsetCache.get(key);
	if (hit !== undefined) return hit;
	let fmt = offsetFormatters.get(zone);
	if (!fmt) {
		fmt = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric'
		});
		offsetFormatters.set(zone, fmt);
	}
	const at = bucket * 15 * MINUTE;
	const parts: Record<string, number> = {};
	for (const p of fmt.formatToParts(new Date(at))) parts[p.type] = Number(p.value);
	const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
	const offset = Math.round((wall - at) / MINUTE);
	if (offsetCache.size > 50_000) offsetCache.clear();
	offsetCache.set(key, offset);
	return offset;
}

/** Wall-clock time in the zone, encoded as a UTC timestamp (so getUTC* read local fields). */
export function toWall(t: number, zone: string): number {
	return t + zoneOffset(t, zone) * MINUTE;
}

/** The instant whose wall-clock time in the zone is w (the later one if w is ambiguous). */
export function fromWall(w: number, zone: string): number {
	const guess = w - zoneOffset(w, zone) * MINUTE;
	return w - zoneOffset(guess, zone) * MINUTE;
}

/** "UTC+3", "UTC−4", "UTC+5:30". */
export function formatOffset(minutes: number): string {
	if (minutes === 0) return 'UTC';
	const sign = minutes > 0 ? '+' : '−';
	const abs = Math.abs(minutes);
	const h = Math.floor(abs / 60);
	const m = abs % 60;
	return `UTC${sign}${h}${m ? ':' + String(m).padStart(2, '0') : ''}`;
}

/** The offset written in an ISO string ("+03:00" → 180), the zone the source's clock was in. */
export function statedOffset(iso: string): number {
	const m = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
	if (!m || m[1] === 'Z') return 0;
	return (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
}

export const MONTHS = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
];
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number) => String(n).padStart(2, '0');

/** Fields of a wall-clock timestamp (see toWall). */
export function wallParts(w: number) {
	const d = new Date(w);
	return {
		year: d.getUTCFullYear(),
		month: d.getUTCMonth(),
		day: d.getUTCDate(),
		weekday: d.getUTCDay(),
		hour: d.getUTCHours(),
		minute: d.getUTCMinutes()
	};
}

export const clock = (w: number) => {
	const p = wallParts(w);
	return `${pad(p.hour)}:${pad(p.minute)}`;
};
export const dayLabel = (w: number, weekday = false) => {
	const p = wallParts(w);
	return `${weekday ? WEEKDAYS[p.weekday] + ' ' : ''}${p.day} ${MONTHS[p.month]} ${p.year}`;
};
export const monthLabel = (w: number) => {
	const p = wallParts(w);
	return `${MONTHS[p.month]} ${p.year}`;
};
