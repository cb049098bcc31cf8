// npm run media:check -- <file> --vendor-seconds <n> [--format <label>]
// Checks one media file exactly as the archive pipeline checks a stored recording and prints one JSON line:
// {"container","codec","headerSeconds","measuredSeconds","verdict":"ok"|"truncated"|"invalid","reason"}.
// Exits 0 whatever the verdict; 2 for a usage error. Tolerance: DURATION_TOLERANCE_SECONDS (default 2).
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ZEnv } from '@/lib/env';
import { checkMediaFile } from '@/lib/media/check-media-file';

const USAGE = 'usage: npm run media:check -- <file> --vendor-seconds <n> [--format <label>]';

function usage(problem: string): never {
  process.stderr.write(`media:check: ${problem}\n${USAGE}\n`);
  process.exit(2);
}

function parse() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { 'vendor-seconds': { type: 'string' }, format: { type: 'string' } } });
  } catch (e) {
    usage((e as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) usage('exactly one file expected');
  const file = positionals[0]!;
  if (!existsSync(file) || !statSync(file).isFile()) usage(`not a file: ${file}`);
  const raw = values['vendor-seconds'];
  const vendorSeconds = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(vendorSeconds) || vendorSeconds < 0)
    usage('--vendor-seconds must be a non-negative number');
  const tolerance = ZEnv.shape.DURATION_TOLERANCE_SECONDS.safeParse(process.env.DURATION_TOLERANCE_SECONDS);
  if (!tolerance.success) usage('DURATION_TOLERANCE_SECONDS must be a non-negative number');
  return { file, vendorSeconds, formatLabel: values.format, toleranceSeconds: tolerance.data };
}

const { file, ...opts } = parse();
process.stdout.write(`${JSON.stringify(await checkMediaFile(file, opts))}\n`);
