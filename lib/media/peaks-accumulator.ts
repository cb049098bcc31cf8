// Min/max per bucket and channel from interleaved signed 16-bit PCM, in constant memory: PEAKS_MAX_BUCKETS
// per channel are preallocated; when a long recording fills them, neighbouring buckets are merged pairwise
// (the bucket doubles in samples) so the duration never has to be known in advance.
import { PEAKS_BUCKETS_PER_SECOND, PEAKS_MAX_BUCKETS, PEAKS_MAX_CHANNELS, type TPeaks } from '@/lib/media/peaks-format';

export class PeaksAccumulator {
  private samplesPerBucket: number;
  /** Per bucket and channel: min, max (interleaved as in the stored format). */
  private readonly data: Int8Array;
  private buckets = 0;
  private inBucket = 0;
  private frames = 0;
  private readonly curMin: Int16Array;
  private readonly curMax: Int16Array;
  private carry: Buffer = Buffer.alloc(0);

  constructor(
    readonly sampleRate: number,
    readonly channels: number,
    private readonly maxBuckets = PEAKS_MAX_BUCKETS,
  ) {
    if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new Error(`invalid sample rate ${sampleRate}`);
    if (!Number.isInteger(channels) || channels < 1 || channels > PEAKS_MAX_CHANNELS)
      throw new Error(`unsupported channel count ${channels}`);
    this.samplesPerBucket = Math.max(1, Math.round(sampleRate / PEAKS_BUCKETS_PER_SECOND));
    this.data = new Int8Array(maxBuckets * channels * 2);
    this.curMin = new Int16Array(channels);
    this.curMax = new Int16Array(channels);
    this.resetCurrent();
  }

  /** Interleaved little-endian s16 frames; a frame split across chunks is carried over. */
  push(chunk: Buffer): void {
    const frameBytes = this.channels * 2;
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = buf.length - (buf.length % frameBytes);
    // A typed view needs 2-byte alignment; Node's pooled buffers do not always have it.
    const aligned = buf.byteOffset % 2 === 0 ? buf : Buffer.from(buf);
    const samples = new Int16Array(aligned.buffer, aligned.byteOffset, whole / 2);
    const { channels, curMin, curMax } = this;
    for (let i = 0; i < samples.length; i += channels) {
      for (let c = 0; c < channels; c++) {
        const s = samples[i + c]!;
        if (s < curMin[c]!) curMin[c] = s;
        if (s > curMax[c]!) curMax[c] = s;
      }
      this.frames++;
      if (++this.inBucket >= this.samplesPerBucket) this.closeBucket(false);
    }
    this.carry = Buffer.from(buf.subarray(whole));
  }

  finish(): TPeaks {
    if (this.inBucket > 0) this.closeBucket(true);
    return {
      version: 2,
      channels: this.channels,
      sample_rate: this.sampleRate,
      samples_per_pixel: this.samplesPerBucket,
      bits: 8,
      length: this.buckets,
      duration_seconds: Math.round((this.frames / this.sampleRate) * 1000) / 1000,
      data: Array.from(this.data.subarray(0, this.buckets * this.channels * 2)),
    };
  }

  private resetCurrent(): void {
    this.curMin.fill(32767);
    this.curMax.fill(-32768);
    this.inBucket = 0;
  }

  private closeBucket(final: boolean): void {
    if (this.buckets === this.maxBuckets) {
      this.halve();
      // The open bucket is now half its new length: it keeps filling.
      if (!final) return;
    }
    const at = this.buckets * this.channels * 2;
    for (let c = 0; c < this.channels; c++) {
      this.data[at + c * 2] = this.curMin[c]! >> 8;
      this.data[at + c * 2 + 1] = this.curMax[c]! >> 8;
    }
    this.buckets++;
    this.resetCurrent();
  }

  /** Merges buckets pairwise: half as many, each twice as long. */
  private halve(): void {
    const stride = this.channels * 2;
    const d = this.data;
    for (let b = 0; b < this.buckets / 2; b++) {
      for (let c = 0; c < this.channels; c++) {
        const a = 2 * b * stride + c * 2;
        const z = a + stride;
        d[b * stride + c * 2] = Math.min(d[a]!, d[z]!);
        d[b * stride + c * 2 + 1] = Math.max(d[a + 1]!, d[z + 1]!);
      }
    }
    this.buckets /= 2;
    this.samplesPerBucket *= 2;
  }
}
