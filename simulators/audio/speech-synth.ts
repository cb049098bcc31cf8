// Deterministic "speech-like" PCM: voiced syllables (a glottal-ish harmonic series shaped by two formants),
// phrase pauses and two alternating talkers. Real speech samples cannot ship with the project, and pure tones
// or silence would hide bugs in anything that looks at levels, waveforms or codecs.
const TABLE_SIZE = 4096;
const SINE = Float32Array.from({ length: TABLE_SIZE }, (_, i) => Math.sin((2 * Math.PI * i) / TABLE_SIZE));
const HARMONICS = 8;

/** mulberry32: tiny seeded PRNG, so the same seed always yields the same audio. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type TSegment = { samples: number; done: number; voiced: boolean; f0: number; glide: number; amps: Float32Array };

export class SpeechSynth {
  private readonly rand: () => number;
  private readonly phases = new Float64Array(HARMONICS);
  private segment: TSegment | null = null;
  private syllablesLeft = 0;
  private talker = 0;
  private readonly talkerF0: [number, number];

  constructor(
    private readonly sampleRate: number,
    seed: number,
  ) {
    this.rand = prng(seed);
    this.talkerF0 = [95 + this.rand() * 40, 170 + this.rand() * 50];
  }

  /** Fills `out` with the next samples (16-bit range). */
  fill(out: Int16Array): void {
    for (let i = 0; i < out.length; i++) {
      if (!this.segment || this.segment.done >= this.segment.samples) this.segment = this.nextSegment();
      out[i] = this.sample(this.segment);
      this.segment.done++;
    }
  }

  private sample(seg: TSegment): number {
    const noise = (this.rand() - 0.5) * 40; // line hiss, so pauses are not digital silence
    if (!seg.voiced) return Math.round(noise);
    const progress = seg.done / seg.samples;
    const envelope = Math.sin(Math.PI * progress) ** 0.6;
    const f0 = seg.f0 * (1 + seg.glide * progress);
    let acc = 0;
    for (let h = 0; h < HARMONICS; h++) {
      const amp = seg.amps[h] ?? 0;
      if (amp === 0) continue;
      const phase = (this.phases[h]! + ((h + 1) * f0 * TABLE_SIZE) / this.sampleRate) % TABLE_SIZE;
      this.phases[h] = phase;
      acc += amp * SINE[phase | 0]!;
    }
    return Math.max(-32767, Math.min(32767, Math.round(acc * envelope * 9000 + noise)));
  }

  private nextSegment(): TSegment {
    const r = this.rand;
    if (this.syllablesLeft <= 0) {
      this.syllablesLeft = 3 + Math.floor(r() * 7);
      this.talker = r() < 0.35 ? this.talker : 1 - this.talker;
      return this.pause(0.35 + r() * 0.9);
    }
    this.syllablesLeft--;
    if (r() < 0.3) return this.pause(0.04 + r() * 0.12);
    const f0 = this.talkerF0[this.talker]! * (0.9 + r() * 0.2);
    const formants = [300 + r() * 500, 900 + r() * 1400];
    const amps = new Float32Array(HARMONICS);
    for (let h = 0; h < HARMONICS; h++) {
      const freq = (h + 1) * f0;
      if (freq >= this.sampleRate / 2 - 200) continue;
      const weight = formants.reduce((sum, f) => sum + Math.exp(-(((freq - f) / 180) ** 2)), 0);
      amps[h] = (0.15 + weight) / (h + 1) ** 0.5 / 2;
    }
    const samples = Math.max(1, Math.round((0.12 + r() * 0.25) * this.sampleRate));
    return { samples, done: 0, voiced: true, f0, glide: (r() - 0.5) * 0.2, amps };
  }

  private pause(seconds: number): TSegment {
    const samples = Math.max(1, Math.round(seconds * this.sampleRate));
    return { samples, done: 0, voiced: false, f0: 0, glide: 0, amps: new Float32Array(0) };
  }
}
