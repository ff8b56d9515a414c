import {
  html,
  nothing,
  state,
  define,
  DEFAULT_URL_SCHEMES,
  Limits,
  safeUrl,
  utf8Bytes,
} from '../shared/first-screen.js';
import type {
  AllowType,
  Gender,
  ProfilePatch,
  UserProfile,
} from '../../core/index.js';
import { kit } from './views-kit.js';
import { ProfileView, bytesError, cleanName } from './view-base.js';

type Key = 'nick' | 'avatar' | 'selfSignature' | 'gender' | 'birthday' | 'location' | 'allowType';
const KEYS: readonly Key[] = ['nick', 'avatar', 'selfSignature', 'gender', 'birthday', 'location', 'allowType'];
const GENDERS: readonly Gender[] = ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male'];
const ALLOW: readonly AllowType[] = ['AllowType_Type_AllowAny', 'AllowType_Type_NeedConfirm', 'AllowType_Type_DenyAny'];
const BYTE_LIMITS: Partial<Record<Key, number>> = {
  nick: Limits.NICK_BYTES,
  avatar: Limits.AVATAR_URL_BYTES,
  selfSignature: Limits.SIGNATURE_BYTES,
  location: Limits.LOCATION_BYTES,
};

/** YYYYMMDD → 'YYYY-MM-DD' (the date input's format), '' when unset. */
function toDateInput(value: number | undefined): string {
  if (!value) return '';
  const s = String(value).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** 'YYYY-MM-DD' → YYYYMMDD; 0 for ''; null when not a real date between 1900 and today. */
function fromDateInput(value: string): number | null {
  if (!value) return 0;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900 || date.getTime() > Date.now()) return null;
  return y * 10000 + mo * 100 + d;
}

/** A profile field as the form shows it. */
function fieldValue(profile: UserProfile, key: Key): string {
  if (key === 'birthday') return toDateInput(profile.birthday);
  return String(profile[key] ?? '');
}

/**
 * The logged-in user's own profile, as a form: name, avatar URL (checked against the provider's URL
 * allow-list and previewed), status, gender, birthday, location and who may send friend requests. Every
 * field is checked before anything is sent, so an invalid field means nothing is saved; the core checks
 * again and saves all fields or none.
 * @internal A private view of `<tim-profile>`.
 */
export class TimProfileSelf extends ProfileView {
  protected readonly defaultSections = ['header', 'form'] as const;
  readonly #profiles = this.select((s) => s.profiles);
  readonly #session = this.select((s) => s.session);
  /** Edited values, by field (only fields the user touched). */
  @state() private drafts: Partial<Record<Key, string>> = {};
  @state() private errors: Partial<Record<Key, string>> = {};

  get #profile(): UserProfile | undefined {
    const me = this.#session.value?.userID;
    return me ? this.#profiles.value?.get(me) : undefined;
  }

  #requested = '';
  protected override willUpdate(): void {
    const store = this.store;
    const me = this.#session.value?.userID;
    if (store && me && this.#requested !== me) {
      this.#requested = me;
      store.loadProfiles([me]).catch(() => undefined);
    }
  }

  protected override render() {
    if (!this.store) return nothing;
    if (!this.#profile) return kit.stateView({ kind: 'loading', text: this.t.common.loading });
    return html`<div class="pane" part="view">${this.renderSections()}</div>${this.renderFoot()}`;
  }

  #value(key: Key): string {
    return this.drafts[key] ?? fieldValue(this.#profile!, key);
  }

  /** The avatar URL to preview: the edited one when allowed, else the saved one. */
  get #previewUrl(): string {
    const url = safeUrl(this.#value('avatar'), this.tim?.urlSchemes ?? DEFAULT_URL_SCHEMES);
    return url ?? '';
  }

  protected section(name: string) {
    const profile = this.#profile!;
    const t = this.t.profile;
    const me = profile.userID;
    switch (name) {
      case 'header': {
        const shown = cleanName(this.#value('nick')) || me;
        return html`<header part="header" class="header" role="none">
          <tim-avatar part="avatar" src=${this.#previewUrl} name=${shown} seed=${me} label=${t.form.preview}></tim-avatar>
          <div class="who">
            <span part="name" class="name"><bdi>${shown}</bdi></span>
            <span part="meta" class="meta">${t.field.userID}: <bdi>${me}</bdi></span>
            <span class="badges"><span part="badge" class="badge">${t.relationship.self}</span></span>
          </div>
        </header>`;
      }
      case 'form':
        return this.#renderForm();
      default:
        return undefined;
    }
  }

  #renderForm() {
    const t = this.t.profile;
    const dirty = Object.keys(this.#patch()).length > 0;
    const busy = this.busy !== '';
    return html`<section part="section" class="section">
      <h3>${this.t.profile.titles.self}</h3>
      <form part="form" novalidate @submit=${this.#submit} @input=${this.#onInput} @change=${this.#onInput}>
        ${this.#text('nick', t.field.nick, 'nickname')}
        ${this.#text('avatar', t.field.avatar, 'photo', 'url')}
        ${this.#text('selfSignature', t.field.signature, 'off', undefined, true)}
        <div part="field" class="field">
          <label for="gender">${t.field.gender}</label>
          <select id="gender" name="gender" part="input" .value=${this.#value('gender')}>
            ${GENDERS.map((g) => html`<option value=${g} ?selected=${this.#value('gender') === g}>${t.gender[g]}</option>`)}
          </select>
        </div>
        <div part="field" class="field">
          <label for="birthday">${t.field.birthday}</label>
          <input
            id="birthday"
            name="birthday"
            part="input"
            type="date"
            min="1900-01-01"
            max=${new Date().toISOString().slice(0, 10)}
            .value=${this.#value('birthday')}
            aria-invalid=${this.errors.birthday ? 'true' : 'false'}
            aria-describedby="birthday-error"
          />
          <p id="birthday-error" part="field-error" class="field-error">${this.errors.birthday ?? ''}</p>
        </div>
        ${this.#text('location', t.field.location, 'address-level2')}
        <fieldset part="field" class="field">
          <legend class="legend">${t.field.allowType}</legend>
          ${ALLOW.map(
            (a) => html`<label class="choice">
              <input type="radio" name="allowType" value=${a} .checked=${this.#value('allowType') === a} />${t.allowType[a]}
            </label>`,
          )}
        </fieldset>
        <div class="form-actions">
          <button part="button" class="button primary" type="submit" ?disabled=${!dirty || busy}>${this.t.common.save}</button>
          <button part="button" class="button" type="button" ?disabled=${!dirty || busy} @click=${this.#discard}>${t.action.discard}</button>
        </div>
      </form>
    </section>`;
  }

  /** A text field with its byte counter and error. */
  #text(key: Key, label: string, autocomplete: string, inputmode?: string, multiline = false) {
    const value = this.#value(key);
    const error = this.errors[key];
    const max = BYTE_LIMITS[key];
    const counter = max ? html`<span class="counter" id="${key}-count">${this.t.profile.form.bytes(utf8Bytes(value), max)}</span>` : nothing;
    const described = `${key}-error ${max ? `${key}-count` : ''}`;
    return html`<div part="field" class="field">
      <label for=${key}>${label}</label>
      ${multiline
        ? html`<textarea id=${key} name=${key} part="input" .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}></textarea>`
        : html`<input
            id=${key}
            name=${key}
            part="input"
            autocomplete=${autocomplete}
            inputmode=${inputmode ?? nothing}
            spellcheck="false"
            .value=${value}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${described}
          />`}
      ${key === 'avatar' && value && !error && this.#previewUrl
        ? html`<span class="hint">${this.t.profile.form.preview}: <tim-avatar src=${this.#previewUrl} name=${this.#value('nick')} seed=${this.#profile!.userID} class="preview"></tim-avatar></span>`
        : nothing}
      <p id="${key}-error" part="field-error" class="field-error">${error ?? ''}</p>
      ${counter}
    </div>`;
  }

  /** The error of one field's value ('' when valid). */
  #check(key: Key, value: string): string {
    const f = this.t.profile.form;
    const max = BYTE_LIMITS[key];
    const tooLong = max ? bytesError(f, value, max) : '';
    if (tooLong) return tooLong;
    if (key === 'avatar' && value && !safeUrl(value, this.tim?.urlSchemes ?? DEFAULT_URL_SCHEMES)) return f.badUrl;
    if (key === 'birthday' && fromDateInput(value) === null) return f.badDate;
    return '';
  }

  #onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    const key = target.name as Key;
    if (!KEYS.includes(key)) return;
    this.drafts = { ...this.drafts, [key]: target.value };
    // Errors update as the user types once shown, and byte limits are checked at once.
    const error = this.#check(key, target.value);
    if (this.errors[key] || (error && key !== 'avatar' && key !== 'birthday')) this.errors = { ...this.errors, [key]: error };
  };

  /** The changed fields, converted for the service. */
  #patch(): ProfilePatch {
    const profile = this.#profile;
    if (!profile) return {};
    const patch: Record<string, unknown> = {};
    for (const key of KEYS) {
      const draft = this.drafts[key];
      if (draft === undefined) continue;
      const value = key === 'avatar' || key === 'nick' || key === 'location' ? draft.trim() : draft;
      if (value === fieldValue(profile, key)) continue;
      patch[key] = key === 'birthday' ? fromDateInput(value) : value;
    }
    return patch as ProfilePatch;
  }

  #discard = () => {
    this.drafts = {};
    this.errors = {};
    this.notice = undefined;
  };

  #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const errors: Partial<Record<Key, string>> = {};
    for (const key of KEYS) {
      const draft = this.drafts[key];
      const error = draft === undefined ? '' : this.#check(key, key === 'avatar' ? draft.trim() : draft);
      if (error) errors[key] = error;
    }
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.notice = { kind: 'error', text: this.t.profile.form.invalid };
      await this.updateComplete;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const patch = this.#patch();
    if (!Object.keys(patch).length) return;
    const saved = await this.run('updateMyProfile', ['tim-before-update-profile', { patch }], async (d) => {
      await this.store!.updateMyProfile(d.patch);
      return this.t.profile.done.saved;
    });
    if (saved) this.drafts = {};
  };
}

define('tim-profile-self', TimProfileSelf);

declare global {
  interface HTMLElementTagNameMap {
    'tim-profile-self': TimProfileSelf;
  }
}
