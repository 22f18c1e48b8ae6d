/**
 * The casualty chart's layout, apart from its drawing: rows grouped by who was affected (so
 * figures for the crew and for the passengers never read as one claimant contradicting itself),
 * a label column as wide as its labels need (wrapped where a name is long), room on the right
 * for the longest figure, and as many axis ticks as fit without running together.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { CasualtyClaim } from '../model/schema';
import { countSpan, formatCount, type CountSpan } from '../model/format-count';
import { formatDate } from '../model/format-time';
import { estimateText, type MeasureText } from '../text-measure';

export interface ChartRow {
	claim: CasualtyClaim;
	span: CountSpan;
	/** The claimant's name in lines that fit the label column. */
	name: string[];
	/** When the figure was given: "19 Oct 2015". */
	date: string;
	value: string;
	/** The row's axis line, px from the top. */
	y: number;
	/** Top of the row's label block. */
	top: number;
}

export interface ChartGroup {
	affected: string;
	/** "Killed among" heading lines, spanning the chart. */
	heading: string[];
	top: number;
	rows: ChartRow[];
}

/** Where a figure's value is written: just beyond its mark, its arrow or its "about" band. */
export function valueX(x: ScaleLinear<number, number>, span: CountSpan): number {
	if (span.high === null) return x(span.low) + ARROW_PX + 8;
	if (span.shape === 'about') return Math.max(x(span.low * 1.1), x(span.low) + 5) + 6;
	return x(span.high) + 10;
}

export interface ChartLayout {
	groups: ChartGroup[];
	x: ScaleLinear<number, number>;
	ticks: number[];
	/** The label column's right edge, where the plot starts. */
	left: number;
	/** Where the plot ends; the figures' values are written beyond their marks, up to the width. */
	right: number;
	height: number;
	/** Where the axis's tick labels sit. */
	axisY: number;
}

export const NAME_PX = 13;
export const DATE_PX = 11;
export const VALUE_PX = 13;
export const HEAD_PX = 12;
export const TICK_PX = 12;
const LINE = 16;
const DATE_LINE = 16;
const ROW_GAP = 12;
const HEAD_GAP = 6;
const GUTTER = 12;
/** The plot's smallest width. */
const MIN_PLOT = 60;
/** The arrow of an open-ended figure runs this far right of its value. */
export const ARROW_PX = 40;
/** Space between ticks, so their labels never run together. */
const TICK_SPACING = 72;

/** Words of text in lines no wider than width; a word wider than the line is cut at characters. */
export function wrapText(
	text: string,
	width: number,
	size: number,
	measure: MeasureText,
	bold = false
): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (measure(next, size, bold) <= width) {
			line = next;
			continue;
		}
		if (line) lines.push(line);
		line = word;
		// One word too long for a line of its own is broken where it must be.
		while (measure(line, size, bold) > width && line.length > 1) {
			let cut = line.length - 1;
			while (cut > 1 && measure(line.slice(0, cut), size, bold) > width) cut--;
			lines.push(line.slice(0, cut));
			line = line.slice(cut);
		}
	}
	if (line) lines.push(line);
	return lines;
}

export function layoutCasualties(
	claims: readonly CasualtyClaim[],
	measure: 'killed' | 'wounded',
	opts: {
		width: number;
		/** The name a claimant is listed by (its short name where it has one). */
		partyName: (id: string) => string;
		/** The full name of who was affected. */
		affectedName: (id: string) => string;
		measureText?: MeasureText;
	}
): ChartLayout | null {
	const text = opts.measureText ?? estimateText;
	const { width } = opts;
	const given = claims
		.filter((c) => c[measure] !== undefined)
		.sort((a, b) => a.claimedOn.localeCompare(b.claimedOn) || a.id.localeCompare(b.id));
	if (given.length === 0) return null;

	// Room on the right for the longest value written beyond its mark.
	const values = given.map((c) => formatCount(c[measure]));
	const room = Math.max(
		...given.map((c, i) => {
			const open = countSpan(c[measure]!).high === null;
			return (open ? ARROW_PX + 8 : 12) + text(values[i]!, VALUE_PX, true);
		})
	);

	// The label column: as wide as the widest name, within a share of the chart and leaving the
	// plot its smallest width; longer names wrap.
	const widest = Math.max(...given.map((c) => text(opts.partyName(c.claimant), NAME_PX)));
	const widestDate = Math.max(...given.map((c) => text(formatDate(c.claimedOn), DATE_PX)));
	const cap = Math.min(width * (width < 560 ? 0.42 : 0.32), width - room - MIN_PLOT - GUTTER - 4);
	const labelWidth = Math.max(Math.min(Math.max(widest, widestDate), cap), 48);
	const left = labelWidth + GUTTER;
	const right = Math.max(left + MIN_PLOT, width - room - 4);

	const spans = given.map((c) => countSpan(c[measure]!));
	// An "about" band reaches a tenth beyond its figure.
	const max =
		Math.max(...spans.map((s) => (s.shape === 'about' ? s.low * 1.1 : (s.high ?? s.low)))) || 10;
	const x = scaleLinear().domain([0, max]).range([left, right]).nice();
	// People are counted in whole numbers: no tick at 0.5 of a person. d3's count is a hint, so
	// ticks whose labels would run into the one before are dropped.
	const ticks: number[] = [];
	for (const t of x.ticks(Math.max(2, Math.floor((right - left) / TICK_SPACING)))) {
		if (!Number.isInteger(t)) continue;
		const last = ticks[ticks.length - 1];
		const need =
			last === undefined ? 0 : (text(String(last), TICK_PX) + text(String(t), TICK_PX)) / 2 + 8;
		if (last === undefined || x(t) - x(last) >= need) ticks.push(t);
	}

	// Groups by who was affected, in the order their first figure was given.
	const order: string[] = [];
	const byAffected = new Map<string, number[]>();
	given.forEach((c, i) => {
		if (!byAffected.has(c.affected)) {
			byAffected.set(c.affected, []);
			order.push(c.affected);
		}
		byAffected.get(c.affected)!.push(i);
	});

	const groups: ChartGroup[] = [];
	let y = 4;
	for (const affected of order) {
		const heading = wrapText(
			`${measure === 'killed' ? 'Killed' : 'Wounded'} among: ${opts.affectedName(affected)}`,
			width - 4,
			HEAD_PX,
			text,
			true
		);
		const group: ChartGroup = { affected, heading, top: y, rows: [] };
		y += heading.length * LINE + HEAD_GAP;
		for (const i of byAffected.get(affected)!) {
			const claim = given[i]!;
			const name = wrapText(opts.partyName(claim.claimant), labelWidth, NAME_PX, text);
			const top = y;
			const blockHeight = name.length * LINE + DATE_LINE;
			group.rows.push({
				claim,
				span: spans[i]!,
				name,
				date: formatDate(claim.claimedOn),
				value: values[i]!,
				// The mark sits level with the name's first line.
				y: top + LINE * 0.7,
				top
			});
			y += blockHeight + ROW_GAP;
		}
		groups.push(group);
		y += HEAD_GAP;
	}
	const axisY = y + 10;
	return { groups, x, ticks, left, right, height: axisY + 8, axisY };
}
