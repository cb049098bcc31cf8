// The files of a tar archive (an evidence package), by name.
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { extract as tarExtract } from 'tar-stream';

export async function tarFiles(bytes: Buffer): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const extract = tarExtract();
  Readable.from([bytes]).pipe(extract);
  for await (const entry of extract) out.set(entry.header.name, await buffer(entry));
  return out;
}
