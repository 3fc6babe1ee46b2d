/**
 * Spoken cues (Web Speech API) and a short rep tone (Web Audio). Both fail quiet: a browser
 * without speech still shows every cue on screen.
 */
export interface VoiceOptions {
  voiceUri: string;
  rate: number;
}

export function speechAvailable(): boolean {
  return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';
}

export function listVoices(): SpeechSynthesisVoice[] {
  return speechAvailable() ? speechSynthesis.getVoices() : [];
}

/** Speaks now, cutting off whatever was being said: a stale cue is worse than none. */
export function speak(text: string, options: VoiceOptions): boolean {
  if (!speechAvailable()) return false;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  const voice = listVoices().find((v) => v.voiceURI === options.voiceUri);
  if (voice) utterance.voice = voice;
  utterance.rate = options.rate;
  speechSynthesis.speak(utterance);
  return true;
}

let audio: AudioContext | null = null;

/** A 120 ms beep; higher for a clean rep, lower for a flagged one. */
export function repTone(clean: boolean): void {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = clean ? 880 : 440;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.12);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.13);
  } catch {
    // No audio output: the on-screen counter is the fallback.
  }
}
