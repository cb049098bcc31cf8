// The standalone verifier as an auditor receives it (one JavaScript file built from the repository), with the
// published audit keys beside it, in `dir`: tests run it as a child process outside the repository.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listPublishedKeys } from '@/lib/audit/list-published-keys';
import { runTsx } from './run-node';

export async function buildStandaloneVerifier(dir: string): Promise<{ verifier: string; keysFile: string }> {
  const verifier = path.join(dir, 'callvault-verify-bundle.mjs');
  const build = await runTsx('scripts/audit/build-verifier.ts', [verifier]);
  if (build.code !== 0) throw new Error(`building the verifier failed (${build.code}): ${build.stderr}`);
  const keysFile = path.join(dir, 'audit-keys.json');
  await writeFile(keysFile, JSON.stringify(await listPublishedKeys()));
  return { verifier, keysFile };
}
