// Writes a tar (POSIX ustar via tar-stream) file by file, hashing every file as it passes and the whole
// archive as it leaves, in constant memory: a file is either a buffer or a stream of known size.
import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack as tarPack } from 'tar-stream';
import type { TPackageFile } from '@/lib/evidence/package-format';

const MTIME = new Date(0);

export class TarWriter {
  private readonly pack = tarPack();
  private readonly whole = createHash('sha256');
  private total = 0;
  readonly files: TPackageFile[] = [];
  /** The archive's bytes, for the caller to store. */
  readonly output: Readable;

  constructor() {
    const counter = new PassThrough();
    counter.on('data', (chunk: Buffer) => {
      this.whole.update(chunk);
      this.total += chunk.length;
    });
    this.pack.pipe(counter);
    this.output = counter;
  }

  async addBuffer(path: string, body: Buffer, listed = true): Promise<TPackageFile> {
    const file = { path, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') };
    await new Promise<void>((resolve, reject) =>
      this.pack.entry({ name: path, size: body.length, mtime: MTIME, mode: 0o444 }, body, (err) => (err ? reject(err) : resolve())),
    );
    if (listed) this.files.push(file);
    return file;
  }

  async addStream(path: string, size: number, body: Readable): Promise<TPackageFile> {
    const hash = createHash('sha256');
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    const entry = this.pack.entry({ name: path, size, mtime: MTIME, mode: 0o444 });
    await pipeline(body, tap, entry);
    if (bytes !== size) throw new Error(`${path}: ${bytes} bytes read, ${size} announced`);
    const file = { path, bytes, sha256: hash.digest('hex') };
    this.files.push(file);
    return file;
  }

  /** Ends the archive; resolves once every byte has been handed to the output. */
  async finish(): Promise<{ bytes: number; sha256: string }> {
    const ended = new Promise<void>((resolve, reject) => {
      this.output.once('end', resolve);
      this.output.once('error', reject);
    });
    this.pack.finalize();
    await ended;
    return { bytes: this.total, sha256: this.whole.digest('hex') };
  }

  abort(error: Error): void {
    this.pack.destroy(error);
    this.output.destroy(error);
  }
}
