// The standalone verifier as an auditor runs it: built into one file (the same build as `npm run
// build:verifier`) in a directory outside the repository, then run there by plain Node.js with nothing but
// that file, the public keys and the file to check.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from '@playwright/test';

export type TVerifierRun = { status: number | null; stdout: string; stderr: string };

/** Builds the verifier into `dir` and returns a function that runs it there on a keys file and a package or bundle. */
export function buildStandaloneVerifier(dir: string): (keysFile: string, file: string) => TVerifierRun {
  const bundle = path.join(dir, 'callvault-verify-bundle.mjs');
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit/build-verifier.ts', bundle], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(build.status, build.stderr || build.stdout).toBe(0);
  return (keysFile, file) => {
    const run = spawnSync(process.execPath, [bundle, '--keys', keysFile, file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
}
