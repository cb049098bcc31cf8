// Builds the standalone bundle verifier: scripts/audit/verify-bundle.ts and what it imports, bundled by
// esbuild into ONE JavaScript file that needs nothing but Node.js 20+ (no node_modules, no repository).
// It must not pull in the database client, the AWS SDK or anything that signs: the build fails if the
// output mentions them.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const outfile = path.resolve(root, process.argv[2] ?? 'dist/callvault-verify-bundle.mjs');

await build({
  entryPoints: [path.join(root, 'scripts/audit/verify-bundle.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  alias: { '@': root },
  // The tar reader (tar-stream) is CommonJS and requires node:events: ESM output needs a require() for it.
  banner: {
    js: "#!/usr/bin/env node\n// CallVault audit bundle and evidence package verifier (standalone build; see docs/audit-bundle-format.md, docs/evidence-package-format.md and docs/for-auditors.md).\nimport { createRequire as __cvCreateRequire } from 'node:module';\nconst require = __cvCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});

const text = await readFile(outfile, 'utf8');
for (const forbidden of ['@prisma', '@aws-sdk', 'createPrivateKey', 'createHmac']) {
  if (text.includes(forbidden)) throw new Error(`standalone verifier must not contain "${forbidden}"`);
}
console.log(`built ${path.relative(process.cwd(), outfile)} (${text.length} bytes)`);
