'use client';
// "Why are you listening?" → a presigned URL valid for minutes → the player. Every request is audited.
// The stored waveform shows before that: it holds no audio, only min/max levels.
import { useState, type FormEvent } from 'react';
import { WaveformPlayer } from '@/components/player/waveform-player';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { useIssuePlayback } from '@/hooks/use-issue-playback';
import { useRecordingPeaks } from '@/hooks/use-recording-peaks';
import { fieldErrors } from '@/lib/api-client/api-fetch';
import { PLAYBACK_REASON_MIN } from '@/lib/playback/playback-request';

export function PlaybackPanel({ recordingId, label, roles }: { recordingId: string; label: string; roles?: ReadonlyMap<number, string> }) {
  const formatDateTime = useFormatDateTime();
  const issue = useIssuePlayback(recordingId);
  const peaks = useRecordingPeaks(recordingId);
  const [reason, setReason] = useState('');
  const inputId = `reason-${recordingId}`;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    issue.mutate(reason.trim());
  }
  const errors = fieldErrors(issue.error);
  const tooShort = reason.trim().length < PLAYBACK_REASON_MIN;
  return (
    <div>
      <form onSubmit={onSubmit} className="field">
        <label htmlFor={inputId}>Reason for listening (recorded in the audit trail)</label>
        <textarea
          id={inputId}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${inputId}-hint`}
          maxLength={500}
          required
        />
        <span id={`${inputId}-hint`} className="hint">
          At least {PLAYBACK_REASON_MIN} characters, e.g. a case or ticket reference.
        </span>
        <div className="btn-row">
          <button type="submit" className="btn btn-primary" disabled={tooShort || issue.isPending}>
            {issue.isPending ? 'Requesting…' : issue.data ? 'Request playback again' : 'Request playback'}
          </button>
          {issue.data ? <span className="hint">Link valid until {formatDateTime(issue.data.expiresAt)}</span> : null}
        </div>
        {issue.isError ? (
          <p className="error" role="alert">
            {errors.reason ?? issue.error.message}
          </p>
        ) : null}
      </form>
      {peaks.isError ? (
        <p className="hint" role="alert">
          Waveform could not be loaded: {peaks.error.message}
        </p>
      ) : null}
      <WaveformPlayer
        key={issue.data?.url ?? 'preview'}
        url={issue.data?.url ?? null}
        sizeBytes={issue.data?.sizeBytes ?? null}
        label={label}
        peaks={peaks.isError ? null : peaks.data}
        roles={roles}
      />
    </div>
  );
}
