// A `write` target for exportAuditBundle that stores the bundle as a local file (tests and benchmarks): the
// file appears under its final name only once complete.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export function bundleFileWriter(filePath: string): (body: Readable) => Promise<void> {
  return async (body) => {
    await mkdir(path.dirname(filePath), { recursive: true });
    const partial = `${filePath}.partial`;
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, filePath);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  };
}
