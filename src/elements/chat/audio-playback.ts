/**
 * Voice messages play through one audio object owned by the chat, outside the list's DOM: the history can
 * re-render, virtualize the row away and back, or receive new messages without interrupting playback, and
 * starting one voice message stops the other (as chat apps do).
 */
export class AudioPlayback {
  readonly #changed: () => void;
  #audio: HTMLAudioElement | undefined;
  /** The message playing or paused ('' when none). */
  id = '';
  playing = false;
  /** Seconds played and the media's own duration (0 until known). */
  time = 0;
  duration = 0;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  /** Plays `url` for message `id`, or pauses/resumes it when it is the current one. */
  toggle(id: string, url: string): void {
    const audio = (this.#audio ??= this.#create());
    if (this.id === id) {
      if (audio.paused) void audio.play().catch(() => this.#sync());
      else audio.pause();
      return;
    }
    this.id = id;
    this.time = this.duration = 0;
    audio.src = url;
    void audio.play().catch(() => this.#sync());
    this.#changed();
  }

  stop(): void {
    this.#audio?.pause();
    this.id = '';
    this.playing = false;
    this.#changed();
  }

  #create(): HTMLAudioElement {
    const audio = new Audio();
    audio.preload = 'metadata';
    for (const type of ['play', 'pause', 'ended', 'timeupdate', 'loadedmetadata', 'error']) audio.addEventListener(type, () => this.#sync());
    return audio;
  }

  #sync(): void {
    const audio = this.#audio!;
    this.playing = !audio.paused && !audio.ended;
    this.time = audio.ended ? 0 : audio.currentTime;
    if (Number.isFinite(audio.duration)) this.duration = audio.duration;
    this.#changed();
  }
}
