/**
 * Axis ticks in a chosen time zone. Intervals are laid out on wall-clock time in that zone and
 * mapped back to instants, so midnight ticks fall on the zone's midnight, not UTC's.
 */
import { utcDay, utcHour, utcMinute, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';
import { clock, dayLabel, fromWall, MONTHS, toWall, wallParts, WEEKDAYS } from '../model/time';

export type TickUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';

interface Step {
	unit: TickUnit;
	interval: CountableTimeInterval;
	/** Approximate length in ms, used to choose a step. */
	ms: number;
}

const M = 60_000;
const H = 60 * M;
const D = 24 * H;

const every = (interval: CountableTimeInterval, n: number) =>
	(n === 1 ? interval : interval.every(n)) as CountableTimeInterval;

/** From fine to coarse; the first that leaves enough room between labels wins. */
export const STEPS: Step[] = [
	{ unit: 'minute', interval: every(utcMinute, 1), ms: M },
	{ unit: 'minute', interval: every(utcMinute, 5), ms: 5 * M },
	{ unit: 'minute', interval: every(utcMinute, 10), ms: 10 * M },
	{ unit: 'minute', interval: every(utcMinute, 15), ms: 15 * M },
	{ unit: 'minute', interval: every(utcMinute, 30), ms: 30 * M },
	{ unit: 'hour', interval: every(utcHour, 1), ms: H },
	{ unit: 'hour', interval: every(utcHour, 3), ms: 3 * H },
	{ unit: 'hour', interval: every(utcHour, 6), ms: 6 * H },
	{ unit: 'hour', interval: every(utcHour, 12), ms: 12 * H },
	{ unit: 'day', interval: every(utcDay, 1), ms: D },
	{ unit: 'day', interval: every(utcDay, 2), ms: 2 * D },
	{ unit: 'day', interval: every(utcDay, 7), ms: 7 * D },
	{ unit: 'month', interval: every(utcMonth, 1), ms: 30 * D },
	{ unit: 'month', interval: every(utcMonth, 3), ms: 91 * D },
	{ unit: 'year', interval: every(utcYear, 1), ms: 365 * D }
];

/** Context row above the ticks: the next larger unit, so "15:00" always has its date nearby. */
const CONTEXT: Record<TickUnit, CountableTimeInterval | null> = {
	minute: utcDay,
	hour: utcDay,
	day: utcMonth,
	month: utcYear,
	year: null
};

export interface Tick {
	/** Instant (ms since epoch). */
	t: number;
	label: string;
	/** True when the tick starts a larger unit (midnight, the 1st, January): drawn stronger. */
	major: boolean;
}

export interface AxisTicks {
	unit: TickUnit;
	stepMs: number;
	ticks: Tick[];
	context: Tick[];
}

/** Chooses the finest step whose labels are at least minSpacing px apart. */
export function chooseStep(spanMs: number, widthPx: number, minSpacing = 72): Step {
	const msPerPx = spanMs / Math.max(1, widthPx);
	return STEPS.find((s) => s.ms / msPerPx >= minSpacing) ?? STEPS[STEPS.length - 1]!;
}

function tickLabel(unit: TickUnit, w: number): { label: string; major: boolean } {
	const p = wallParts(w);
	switch (unit) {
		case 'minute':
		case 'hour':
			return p.hour === 0 && p.minute === 0
				? { label: `${p.day} ${MONTHS[p.month]}`, major: true }
				: { label: clock(w), major: false };
		case 'day':
			return p.day === 1
				? { label: `${MONTHS[p.month]}${p.month === 0 ? ' ' + p.year : ''}`, major: true }
				: { label: `${WEEKDAYS[p.weekday]} ${p.day}`, major: false };
		case 'month':
			return p.month === 0
				? { label: String(p.year), major: true }
				: { label: MONTHS[p.month]!, major: false };
		case 'year':
			return { label: String(p.year), major: true };
	}
}

function contextLabel(unit: TickUnit, w: number): string {
	const p = wallParts(w);
	if (unit === 'minute' || unit === 'hour') return dayLabel(w, true);
	if (unit === 'day') return `${MONTHS[p.month]} ${p.year}`;
	return String(p.year);
}

/** Ticks for the window [from, to] drawn across widthPx, labelled in the given zone. */
export function zonedTicks(from: number, to: number, zone: string, widthPx: number): AxisTicks {
	const step = chooseStep(to - from, widthPx);
	const wFrom = toWall(from, zone);
	const wTo = toWall(to, zone);
	const ticks = step.interval
		.range(new Date(wFrom), new Date(wTo + 1))
		.map((d) => ({ t: fromWall(d.getTime(), zone), ...tickLabel(step.unit, d.getTime()) }));

	const ctxInterval = CONTEXT[step.unit];
	const context: Tick[] = [];
	if (ctxInterval) {
		// The first context label names the unit already under way at the left edge.
		const first = ctxInterval.floor(new Date(wFrom));
		for (const d of [
			first,
			...ctxInterval.range(new Date(first.getTime() + 1), new Date(wTo + 1))
		]) {
			context.push({
				t: fromWall(d.getTime(), zone),
				label: contextLabel(step.unit, d.getTime()),
				major: true
			});
		}
	}
	return { unit: step.unit, stepMs: step.ms, ticks, context };
}

/** A generous width of one character of a context label (13 px bold), px. */
export const CONTEXT_CHAR = 7.5;

/**
 * Where the context labels (the dates above the ticks) are written, px from the plot's left.
 * Each starts just after its own rule. The first, whose unit began before the window, stands
 * at the left edge until the next one comes near, then is pushed out to the left ahead of it,
 * as a list's sticky headings are, so two labels never overlap; it is left out once it would
 * be cut by the edge. Any other label without room
 * for itself before the next is left out. `x` maps a time to px; `width` is the plot's.
 */
export function placeContext(
	context: readonly Tick[],
	x: (t: number) => number,
	width: number,
	charWidth = CONTEXT_CHAR
): { label: string; x: number; t: number }[] {
	const out: { label: string; x: number; t: number }[] = [];
	for (let i = 0; i < context.length; i++) {
		const c = context[i]!;
		const start = x(c.t);
		const right = i + 1 < context.length ? x(context[i + 1]!.t) : width;
		const w = c.label.length * charWidth;
		if (start >= 0) {
			if (right - start >= w + 12) out.push({ label: c.label, x: start + 6, t: c.t });
			continue;
		}
		// Under way at the left edge: pushed left by the next label, and gone rather than cut.
		const at = Math.min(6, right - w - 6);
		if (at >= 0) out.push({ label: c.label, x: at, t: c.t });
	}
	return out;
}

/**
 * The axis's rules as three SVG paths' data: the lines above each context date (down to the
 * axis's foot at `axisHeight`), the minor ticks and the major ticks (each 10 px tall).
 */
export function axisRules(
	ticks: AxisTicks,
	x: (t: number) => number,
	axisHeight: number
): { context: string; minor: string; major: string } {
	let context = '';
	let minor = '';
	let major = '';
	for (const c of ticks.context) {
		const px = x(c.t);
		if (px > 0) context += `M${px} 2V${axisHeight}`;
	}
	for (const t of ticks.ticks) {
		const rule = `M${x(t.t)} ${axisHeight - 10}V${axisHeight}`;
		if (t.major) major += rule;
		else minor += rule;
	}
	return { context, minor, major };
}
