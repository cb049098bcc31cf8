// Media for peaks tests and benchmarks, made by ffmpeg at run time (never committed binaries): a tone whose
// level swells and fades every few seconds, IMA ADPCM in WAV at a low sample rate, so a 4-hour call is
// ~29 MB and quick to make. Stereo puts the left channel at four times the right's level.
import { execFileSync } from 'node:child_process';

export type TTestMedia = { seconds: number; sampleRate?: number; stereo?: boolean };

export function makePeaksTestMedia(file: string, m: TTestMedia): string {
  const rate = m.sampleRate ?? 4000;
  const source = `sine=frequency=220:sample_rate=${rate}:duration=${m.seconds}`;
  const swell = "volume='0.25+0.7*abs(sin(t/3))':eval=frame";
  const filter = m.stereo ? `${swell},pan=stereo|c0=0.8*c0|c1=0.2*c0` : swell;
  execFileSync(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', source, '-af', filter, '-c:a', 'adpcm_ima_wav', file],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return file;
}
