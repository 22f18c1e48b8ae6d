/** SVG paths for node shapes of radius r, centred on the origin. */
export function shapePath(
	shape: 'circle' | 'square' | 'diamond' | 'triangle' | 'hexagon',
	r: number
): string {
	switch (shape) {
		case 'circle':
			return `M${-r},0 a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0 z`;
		case 'square': {
			const s = r * 0.88;
			return `M${-s},${-s} h${2 * s} v${2 * s} h${-2 * s} z`;
		}
		case 'diamond':
			return `M0,${-r * 1.2} L${r * 1.2},0 L0,${r * 1.2} L${-r * 1.2},0 z`;
		case 'triangle':
			return `M0,${-r * 1.2} L${r * 1.1},${r * 0.8} L${-r * 1.1},${r * 0.8} z`;
		case 'hexagon': {
			const pts = Array.from({ length: 6 }, (_, i) => {
				const a = (Math.PI / 3) * i;
				return `${(Math.cos(a) * r * 1.1).toFixed(2)},${(Math.sin(a) * r * 1.1).toFixed(2)}`;
			});
			return `M${pts.join(' L')} z`;
		}
	}
}
