// Compiles what runs beside the console into dist/ as plain ES modules, so production runs them with `node`
// and no TypeScript loader: the worker process, the migration runner and bucket provisioning. Our code is
// bundled (the "@/" paths resolved from tsconfig.json); packages stay in node_modules.
//   node scripts/build-runtime.mjs    (part of `npm run build`)
import { build } from 'esbuild';

const entryPoints = {
  workers: 'workers/index.ts',
  migrate: 'scripts/db/migrate.ts',
  'provision-storage': 'scripts/provision-storage.ts',
};

await build({
  entryPoints,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(
  `built ${Object.keys(entryPoints)
    .map((name) => `dist/${name}.mjs`)
    .join(', ')}`,
);
