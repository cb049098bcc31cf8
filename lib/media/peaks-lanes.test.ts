import { describe, expect, it } from 'vitest';
import { channelRoles, laneLabels } from '@/lib/media/peaks-lanes';

describe('lane labels', () => {
  it("names lanes by the vendor's channel statement (CXone participantDataList)", () => {
    const payload = {
      contact: {
        participantDataList: [
          { participantType: 'AGENT', channel: 1 },
          { participantType: 'CUSTOMER', channel: 0 },
        ],
      },
    };
    expect(laneLabels(2, channelRoles([payload]))).toEqual(['Customer (left)', 'Agent (right)']);
  });

  it('names lanes by position only when no payload says who is where', () => {
    expect(laneLabels(2, channelRoles([{ participants: [{ type: 'agent' }] }]))).toEqual(['Left channel', 'Right channel']);
    expect(laneLabels(3)).toEqual(['Channel 1', 'Channel 2', 'Channel 3']);
  });
});
