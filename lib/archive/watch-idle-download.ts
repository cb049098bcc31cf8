// A vendor download that stops sending without closing would hold a worker forever. Destroy it after
// ARCHIVE_IDLE_TIMEOUT_SECONDS without bytes — unless it is paused because the storage side is slower
// (backpressure is not idleness).
import type { Readable } from 'node:stream';
import { ArchiveError } from '@/lib/queue/archive-error';
import { env } from '@/lib/env';

export function watchIdleDownload(stream: Readable, timeoutMs = env().ARCHIVE_IDLE_TIMEOUT_SECONDS * 1000): () => void {
  let lastData = Date.now();
  const onData = () => {
    lastData = Date.now();
  };
  stream.on('data', onData);
  const timer = setInterval(
    () => {
      if (stream.readableFlowing === false) {
        lastData = Date.now();
        return;
      }
      if (Date.now() - lastData > timeoutMs) {
        stream.destroy(new ArchiveError('retryable', 'short_stream', `Download idle for more than ${timeoutMs} ms`));
      }
    },
    Math.min(1000, timeoutMs),
  );
  timer.unref();
  return () => {
    clearInterval(timer);
    stream.off('data', onData);
  };
}
