import { html, nothing, property, query, state, define, Limits, toC2CConversationID } from '../shared/first-screen.js';
import type {
  UserID,
} from '../../core/index.js';
import type { TimDialog } from '../shared/dialog.js';
import { kit } from './views-kit.js';
import { ProfileView, birthdayText, bytesError, cleanName } from './view-base.js';

type Editor = { kind: 'add'; wording: string; remark: string } | { kind: 'remark'; remark: string };

/**
 * Another user's profile: who they are, how they relate to the logged-in user, and what can be done
 * (message, add or delete as a friend, remark, block, conversation settings).
 * @internal A private view of `<tim-profile>`.
 */
export class TimProfileUser extends ProfileView {
  /** The user shown. */
  @property({ attribute: 'user-id' }) userId: UserID = '';

  protected readonly defaultSections = ['header', 'actions', 'info', 'settings', 'danger'] as const;

  readonly #profiles = this.select((s) => s.profiles);
  readonly #friends = this.select((s) => s.friends);
  /** Re-render on these too (read through `store.state` by `relationshipOf`). */
  protected readonly watched = [this.select((s) => s.blacklist), this.select((s) => s.applications), this.select((s) => s.session)];
  /** 'missing' when the service knows no such user. */
  @state() private lookup: 'loading' | 'ready' | 'missing' | 'error' = 'loading';
  @state() private editor: Editor | undefined;
  @state() private editorError: { wording?: string; remark?: string } = {};
  @query('tim-dialog.editor') private editorDialog?: TimDialog;

  protected override willUpdate(): void {
    this.#load();
  }

  /** The user (and login) the profile was last loaded for. */
  #loadedFor = '';
  async #load() {
    const store = this.store;
    const id = this.userId;
    const key = `${store?.state.session.userID}\n${id}`;
    if (!store || !id || this.#loadedFor === key) return;
    this.#loadedFor = key;
    this.notice = undefined;
    this.lookup = store.state.profiles.has(id) ? 'ready' : 'loading';
    if (store.state.blacklist.status === 'idle') store.loadBlacklist().catch(() => undefined);
    if (store.state.applications.status === 'idle') store.loadApplications().catch(() => undefined);
    void this.fetchConversation(toC2CConversationID(id));
    try {
      const [profile] = await store.loadProfiles([id]);
      if (this.userId === id) this.lookup = profile ? 'ready' : 'missing';
    } catch {
      if (this.userId === id) this.lookup = store.state.profiles.has(id) ? 'ready' : 'error';
    }
  }

  protected override render() {
    const store = this.store;
    const profile = this.#profiles.value?.get(this.userId);
    if (!store || !this.userId) return nothing;
    if (!profile) {
      if (this.lookup === 'loading') return kit.stateView({ kind: 'loading', text: this.t.common.loading });
      return kit.stateView({
        kind: this.lookup === 'missing' ? 'empty' : 'error',
        text: this.lookup === 'missing' ? this.t.profile.userMissing : this.t.errors.byCategory.unknown,
        action: { label: this.t.common.retry, run: () => ((this.#loadedFor = ''), this.#load()) },
      });
    }
    return html`<div class="pane" part="view">${this.renderSections()}</div>
      ${this.renderFoot()}${this.#renderEditor()}`;
  }

  /** The name shown: remark > nick > userID. */
  get #name(): string {
    return cleanName(this.store ? kit.userShowName(this.store.state, this.userId) : this.userId) || this.userId;
  }

  protected section(name: string) {
    const store = this.store!;
    const state = store.state;
    const t = this.t.profile;
    const id = this.userId;
    const profile = state.profiles.get(id)!;
    const relation = kit.relationshipOf(state, id);
    const incoming = state.applications.value.find((a) => a.userID === id && a.type === 'Pendency_Type_ComeIn');
    const friend = this.#friends.value?.value.get(id);
    const busy = this.busy !== '';
    switch (name) {
      case 'header': {
        const nick = cleanName(profile.nick);
        const badge = incoming && relation === 'stranger' ? 'incoming' : relation;
        return html`<header part="header" class="header" role="none">
          <tim-avatar part="avatar" src=${profile.avatar} name=${this.#name} seed=${id}></tim-avatar>
          <div class="who">
            <span part="name" class="name"><bdi>${this.#name}</bdi></span>
            ${friend?.remark && nick ? html`<span class="meta">${t.field.nick}: <bdi>${nick}</bdi></span>` : nothing}
            <span part="meta" class="meta">${t.field.userID}: <bdi>${id}</bdi></span>
            <span class="badges"><span part="badge" class="badge ${badge}">${t.relationship[badge]}</span></span>
            ${profile.selfSignature ? html`<span class="signature"><bdi>${profile.selfSignature}</bdi></span>` : nothing}
          </div>
        </header>`;
      }
      case 'actions':
        return html`<div part="actions" class="actions">
          <button part="button" class="button primary" @click=${this.#message}>${t.action.sendMessage}</button>
          ${incoming && relation === 'stranger'
            ? html`<button part="button" class="button" ?disabled=${busy} @click=${() => this.#answer(true)}>${t.action.accept}</button>
                <button part="button" class="button" ?disabled=${busy} @click=${() => this.#answer(false)}>${t.action.refuse}</button>`
            : relation === 'stranger'
              ? html`<button part="button" class="button" ?disabled=${busy} @click=${this.#openAdd}>${t.action.addFriend}</button>`
              : nothing}
          <slot name="actions"></slot>
        </div>`;
      case 'info': {
        const birthday = birthdayText(profile.birthday, this.l10n.locale);
        const row = (label: string, value: string | undefined, extra: unknown = nothing) =>
          html`<div part="row" class="row">
            <span part="label" class="label">${label}</span>
            <span part="value" class="value ${value ? '' : 'unset'}"><bdi>${value || t.notSet}</bdi></span>${extra}
          </div>`;
        return html`<section part="section" class="section">
          ${incoming && relation === 'stranger' && incoming.wording ? row(t.addFriend.wording, incoming.wording) : nothing}
          ${friend
            ? row(
                t.field.remark,
                friend.remark,
                html`<button part="button" class="link" ?disabled=${busy} @click=${this.#openRemark}>${t.action.editRemark}</button>`,
              )
            : nothing}
          ${row(t.field.gender, profile.gender === 'Gender_Type_Unknown' ? '' : t.gender[profile.gender])}
          ${row(t.field.birthday, birthday)} ${row(t.field.location, profile.location)}
        </section>`;
      }
      case 'settings':
        return html`<section part="section" class="section">${this.conversationSettings(toC2CConversationID(id))}</section>`;
      case 'danger':
        return html`<section part="section" class="section danger-zone">
          ${relation === 'friend'
            ? html`<button part="button danger-button" class="button danger" ?disabled=${busy} @click=${this.#deleteFriend}>${t.action.deleteFriend}</button>`
            : nothing}
          ${relation === 'blocked'
            ? html`<button part="button" class="button" ?disabled=${busy} @click=${this.#unblock}>${t.action.unblock}</button>`
            : html`<button part="button danger-button" class="button danger" ?disabled=${busy} @click=${this.#block}>${t.action.block}</button>`}
        </section>`;
      default:
        return undefined;
    }
  }

  #message = () => {
    this.dispatchEvent(new kit.TimNavigateEvent({ to: 'chat', conversationID: toC2CConversationID(this.userId) }));
  };

  #openAdd = () => {
    const store = this.store!;
    const me = store.state.session.userID;
    this.#openEditor({ kind: 'add', wording: this.t.profile.addFriend.wordingDefault(cleanName(store.state.profiles.get(me)?.nick ?? '') || me), remark: '' });
  };

  #openRemark = () => {
    this.#openEditor({ kind: 'remark', remark: this.#friends.value?.value.get(this.userId)?.remark ?? '' });
  };

  async #openEditor(editor: Editor) {
    this.editor = editor;
    this.editorError = {};
    await this.updateComplete;
    await this.editorDialog?.show();
  }

  #renderEditor() {
    const e = this.editor;
    if (!e) return nothing;
    const t = this.t.profile;
    const errors = this.editorError;
    const field = (key: 'wording' | 'remark', label: string, value: string, multiline: boolean) => {
      const error = errors[key];
      return html`<div part="field" class="field">
        <label for=${key}>${label}</label>
        ${multiline
          ? html`<textarea id=${key} name=${key} part="input" .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby="${key}-error"></textarea>`
          : html`<input id=${key} name=${key} part="input" .value=${value} autocomplete="off" aria-invalid=${error ? 'true' : 'false'} aria-describedby="${key}-error" />`}
        <p id="${key}-error" part="field-error" class="field-error">${error ?? ''}</p>
      </div>`;
    };
    const title = e.kind === 'add' ? t.addFriend.title(this.#name) : t.action.editRemark;
    return html`<tim-dialog class="editor" heading=${title} @close=${() => (this.editor = undefined)}>
      <form id="editor-form" part="form" @submit=${this.#submitEditor}>
        ${e.kind === 'add' ? field('wording', t.addFriend.wording, e.wording, true) : nothing}
        ${field('remark', e.kind === 'add' ? t.addFriend.remark : t.field.remark, e.remark, false)}
        ${e.kind === 'remark' ? html`<p class="hint">${t.form.remarkHint}</p>` : nothing}
      </form>
      <button slot="footer" class="button" @click=${() => this.editorDialog?.close()}>${this.t.common.cancel}</button>
      <button slot="footer" class="button primary" type="submit" form="editor-form" ?disabled=${this.busy !== ''}>
        ${e.kind === 'add' ? t.action.send : this.t.common.save}
      </button>
    </tim-dialog>`;
  }

  #submitEditor = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const wording = String(data.get('wording') ?? '');
    const remark = String(data.get('remark') ?? '').trim();
    const f = this.t.profile.form;
    const errors = { wording: bytesError(f, wording, Limits.FRIEND_WORDING_BYTES), remark: bytesError(f, remark, Limits.FRIEND_REMARK_BYTES) };
    this.editorError = errors;
    if (errors.wording || errors.remark) {
      await this.updateComplete;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const store = this.store!;
    const userID = this.userId;
    const name = this.#name;
    const t = this.t.profile;
    await (this.editor?.kind === 'add'
        ? this.run('addFriend', ['tim-before-add-friend', { userID, wording, remark }], async (d) => {
            const result = await store.addFriend({ userID, wording: d.wording, ...(d.remark ? { remark: d.remark } : {}) });
            return result.result === 'added' ? t.addFriend.added(name) : t.addFriend.sent(name);
          })
        : this.run('updateRemark', ['tim-before-update-remark', { userID, remark }], async (d) => {
            await store.updateFriendRemark(userID, d.remark);
            return t.done.remark;
          }));
    this.editorDialog?.close();
  };

  #answer(accept: boolean) {
    const store = this.store!;
    const userID = this.userId;
    const name = this.#name;
    const t = this.t.profile;
    return accept
      ? this.run('acceptFriend', ['tim-before-accept-friend', { userID, remark: '' }], async (d) => {
          await store.acceptFriendApplication(userID, d.remark || undefined);
          return t.done.accepted(name);
        })
      : this.run('refuseFriend', ['tim-before-refuse-friend', { userID }], async () => {
          await store.refuseFriendApplication(userID);
          return t.done.refused(name);
        });
  }

  #deleteFriend = async () => {
    const t = this.t.profile;
    const name = this.#name;
    const userID = this.userId;
    if (!(await this.ask({ title: t.confirm.deleteFriend(name), text: t.confirm.deleteFriendText, confirmLabel: t.action.deleteFriend, danger: true }))) return;
    await this.run('deleteFriend', ['tim-before-delete-friend', { userID }], async () => {
      await this.store!.deleteFriend(userID);
      return t.done.deleted(name);
    });
  };

  #block = async () => {
    const t = this.t.profile;
    const name = this.#name;
    const userID = this.userId;
    if (!(await this.ask({ title: t.confirm.block(name), text: t.confirm.blockText, confirmLabel: t.action.block, danger: true }))) return;
    await this.run('block', ['tim-before-block', { userID }], async () => {
      await this.store!.block(userID);
      return t.done.blocked(name);
    });
  };

  #unblock = () => {
    const userID = this.userId;
    const name = this.#name;
    return this.run('unblock', ['tim-before-unblock', { userID }], async () => {
      await this.store!.unblock(userID);
      return this.t.profile.done.unblocked(name);
    });
  };
}

define('tim-profile-user', TimProfileUser);

declare global {
  interface HTMLElementTagNameMap {
    'tim-profile-user': TimProfileUser;
  }
}
