/**
 * Recording speech in the popup or side panel: the microphone through MediaRecorder, then decoded
 * and resampled to 16 kHz mono by an AudioContext at that rate (the format Whisper takes). The
 * recording stops by itself at Whisper's 30 s window.
 */
import { MAX_SECONDS, SAMPLE_RATE } from '../../../core/audio/pcm16';

export interface Recording {
  /** Stop and return the samples (16 kHz mono, at most 30 s). */
  stop(): Promise<Float32Array>;
  /** Stop and throw the audio away. */
  cancel(): void;
}

/**
 * Start recording. Rejects with the DOMException of getUserMedia (`NotAllowedError`,
 * `NotFoundError`) when the microphone cannot be used; `onLimit` is called at 30 s.
 */
export async function startRecording(onLimit: () => void): Promise<Recording> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true },
  });
  const recorder = new MediaRecorder(stream);
  const parts: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => parts.push(event.data));
  const stopped = new Promise<void>((resolve) =>
    recorder.addEventListener('stop', () => resolve(), { once: true }),
  );
  recorder.start();
  const limit = setTimeout(onLimit, MAX_SECONDS * 1000);
  const release = () => {
    clearTimeout(limit);
    if (recorder.state !== 'inactive') recorder.stop();
    for (const track of stream.getTracks()) track.stop();
  };
  return {
    async stop() {
      release();
      await stopped;
      return decode(new Blob(parts, { type: recorder.mimeType }));
    },
    cancel: release,
  };
}

async function decode(blob: Blob): Promise<Float32Array> {
  if (blob.size === 0) return new Float32Array(0);
  const context = new AudioContext({ sampleRate: SAMPLE_RATE });
  try {
    const audio = await context.decodeAudioData(await blob.arrayBuffer());
    const mono = new Float32Array(audio.length);
    for (let channel = 0; channel < audio.numberOfChannels; channel++) {
      const data = audio.getChannelData(channel);
      for (let i = 0; i < mono.length; i++) {
        mono[i] = (mono[i] ?? 0) + (data[i] ?? 0) / audio.numberOfChannels;
      }
    }
    return mono.subarray(0, SAMPLE_RATE * MAX_SECONDS);
  } finally {
    void context.close();
  }
}
