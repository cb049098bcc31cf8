// Runs the project's CLIs in a child process, as CI would (they call process.exit), and collects their output.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export type TRun = { code: number | null; stdout: string; stderr: string };

/** Runs `node ...args` and collects its output; `env` replaces the environment entirely. */
export function runNode(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<TRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `node --import tsx <script> ...args` from the repository root and collects its output. */
export function runTsx(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<TRun> {
  return runNode(['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
}
