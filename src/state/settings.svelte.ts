/**
 * User settings kept in the browser (localStorage): rule preset and per-value overrides, voice,
 * tone, theme, and the personal kick-height target learned per leg. Bad stored data is dropped
 * with defaults restored, never a crash.
 */
import {
  RULE_PRESETS,
  createArchOnsetState,
  parseArchOnsetState,
  resolveConfig,
  type ArchOnsetState,
  type RuleConfig,
  type RuleConfigKey,
  type RulePreset,
} from '../feedback';

const KEY = 'kickcheck.settings.v1';
const ARCH_KEY = 'kickcheck.archOnset.v1';

interface Stored {
  preset: RulePreset;
  overrides: Partial<Record<RuleConfigKey, number>>;
  muted: boolean;
  voiceUri: string;
  rate: number;
  repTone: boolean;
  theme: 'dark' | 'light';
}

const DEFAULTS: Stored = { preset: 'standard', overrides: {}, muted: false, voiceUri: '', rate: 1.05, repTone: true, theme: 'dark' };

function load(): Stored {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Stored> | null;
    if (!raw || typeof raw !== 'object') return { ...DEFAULTS };
    const merged = { ...DEFAULTS, ...raw };
    if (!(merged.preset in RULE_PRESETS)) merged.preset = DEFAULTS.preset;
    resolveConfig(merged.preset, merged.overrides); // throws on bad overrides
    return merged;
  } catch {
    return { ...DEFAULTS };
  }
}

export class Settings {
  preset = $state<RulePreset>('standard');
  overrides = $state<Partial<Record<RuleConfigKey, number>>>({});
  muted = $state(false);
  voiceUri = $state('');
  rate = $state(1.05);
  repTone = $state(true);
  theme = $state<'dark' | 'light'>('dark');
  #archOnset = $state.raw<ArchOnsetState>(createArchOnsetState());

  constructor() {
    const s = load();
    this.preset = s.preset;
    this.overrides = s.overrides;
    this.muted = s.muted;
    this.voiceUri = s.voiceUri;
    this.rate = s.rate;
    this.repTone = s.repTone;
    this.theme = s.theme;
    try {
      this.#archOnset = parseArchOnsetState(JSON.parse(localStorage.getItem(ARCH_KEY) ?? 'null') ?? createArchOnsetState());
    } catch {
      this.#archOnset = createArchOnsetState();
    }
  }

  /** The thresholds in force; invalid overrides fall back to the preset. */
  get config(): Readonly<RuleConfig> {
    try {
      return resolveConfig(this.preset, this.overrides);
    } catch {
      return RULE_PRESETS[this.preset];
    }
  }

  get archOnset(): ArchOnsetState {
    return this.#archOnset;
  }

  set archOnset(state: ArchOnsetState) {
    this.#archOnset = state;
    try {
      localStorage.setItem(ARCH_KEY, JSON.stringify(state));
    } catch {
      // Storage full or blocked: the target still works for this session.
    }
  }

  resetArchOnset(): void {
    this.archOnset = createArchOnsetState();
  }

  save(): void {
    const s: Stored = {
      preset: this.preset,
      overrides: $state.snapshot(this.overrides),
      muted: this.muted,
      voiceUri: this.voiceUri,
      rate: this.rate,
      repTone: this.repTone,
      theme: this.theme,
    };
    try {
      localStorage.setItem(KEY, JSON.stringify(s));
    } catch {
      // Private mode: settings last for this visit.
    }
  }
}
