/**
 * The axe rules every page must pass: WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 brings
 * target-size, 2.5.8: every target 24×24 CSS px, or spaced as if it were), and axe's best
 * practices. The browser tests (fixtures.ts) and scripts/audit-site.ts run the same.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
