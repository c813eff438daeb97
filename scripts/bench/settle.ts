/**
 * Whether a series of RSS samples, one a second and oldest first, has stopped growing: the
 * highest of the last `span` samples is at most `growth` (a fraction) above the highest of the
 * `span` before them. Highest, not last, because RSS rises and falls with every mark-compact.
 * A series without a figure (no /proc on this platform) has nothing to wait for.
 */
export function settled(rss: readonly number[], span: number, growth: number): boolean {
  if (rss.some((value) => !Number.isFinite(value))) return true;
  if (rss.length < 2 * span) return false;
  const recent = Math.max(...rss.slice(-span));
  const before = Math.max(...rss.slice(-2 * span, -span));
  return recent <= before * (1 + growth);
}
