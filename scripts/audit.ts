import { spawnSync } from 'node:child_process';
import { z } from 'zod';

/**
 * `npm run audit`: fails on a high or critical advisory in the production dependencies. Some
 * registries (mirrors, offline caches) do not serve npm's audit endpoint; then it says so
 * plainly and passes, rather than failing CI for something the code did not do.
 */
const ReportSchema = z.object({
  vulnerabilities: z.record(z.string(), z.object({ severity: z.string(), via: z.array(z.unknown()) })).default({}),
  metadata: z.object({ vulnerabilities: z.record(z.string(), z.number()) }),
});
const UnavailableSchema = z.object({ statusCode: z.number(), message: z.string() });

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let parsed: unknown;
try {
  parsed = JSON.parse(result.stdout);
} catch {
  parsed = undefined;
}
const report = ReportSchema.safeParse(parsed);
if (report.success) {
  const serious = Object.entries(report.data.vulnerabilities).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
  process.stdout.write(`npm audit (production dependencies): ${JSON.stringify(report.data.metadata.vulnerabilities)}\n`);
  for (const [name, v] of serious) process.stdout.write(`  ${v.severity}: ${name}\n`);
  process.exitCode = serious.length > 0 ? 1 : 0;
} else {
  const unavailable = UnavailableSchema.safeParse(parsed);
  const why = unavailable.success ? `${String(unavailable.data.statusCode)} ${unavailable.data.message}` : (result.stderr.trim().split('\n').at(-1) ?? 'no output');
  process.stdout.write(`npm audit could not run against this registry (${why}); no advisory was checked.\n`);
}
