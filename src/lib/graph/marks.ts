/**
 * The glyphs drawn at the middle of a relation (see FAMILY_MARK), as SVG paths centred on the
 * origin with the relation running along +x, and as canvas strokes of the same shape.
 */
import type { EdgeMark } from './build';

/** Half the size of a mark, px. */
export const MARK_SIZE = 4.5;

/** The mark's outline, or '' for none. Filled in the relation's colour; a ring is hollow. */
export function markPath(mark: EdgeMark, s = MARK_SIZE): string {
	switch (mark) {
		case 'none':
			return '';
		case 'dot': {
			const r = s * 0.75;
			return `M${-r},0 a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0 z`;
		}
		case 'bar':
			return `M-1.2,${-s} h2.4 v${2 * s} h-2.4 z`;
		case 'ring': {
			// An annulus, filled with the even-odd rule: a hollow circle.
			const [r, q] = [s * 0.85, s * 0.4];
			return (
				`M${-r},0 a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0 z ` +
				`M${-q},0 a${q},${q} 0 1,0 ${2 * q},0 a${q},${q} 0 1,0 ${-2 * q},0 z`
			);
		}
	}
}

/** Adds the mark at (x, y), turned by `angle`, to the current canvas path. */
export function traceMark(
	ctx: CanvasRenderingContext2D,
	mark: EdgeMark,
	x: number,
	y: number,
	angle: number,
	s = MARK_SIZE
) {
	if (mark === 'dot') {
		ctx.moveTo(x + s * 0.75, y);
		ctx.arc(x, y, s * 0.75, 0, 2 * Math.PI);
	} else if (mark === 'ring') {
		ctx.moveTo(x + s * 0.85, y);
		ctx.arc(x, y, s * 0.85, 0, 2 * Math.PI);
		ctx.moveTo(x + s * 0.4, y);
		ctx.arc(x, y, s * 0.4, 0, 2 * Math.PI, true);
	} else if (mark === 'bar') {
		const [c, n] = [Math.cos(angle), Math.sin(angle)];
		// Corners of a 2.4 × 2s bar across the relation.
		for (const [i, [u, v]] of (
			[
				[-1.2, -s],
				[1.2, -s],
				[1.2, s],
				[-1.2, s]
			] as const
		).entries()) {
			const px = x + u * c - v * n;
			const py = y + u * n + v * c;
			if (i === 0) ctx.moveTo(px, py);
			else ctx.lineTo(px, py);
		}
		ctx.closePath();
	}
}
