import { html, nothing, query, state, define, Limits } from '../shared/first-screen.js';
import type {
  FriendApplication,
  UserID,
} from '../../core/index.js';
import { kit } from './views-kit.js';
import type { TimDialog } from '../shared/dialog.js';
import { ProfileView, bytesError, cleanName } from './view-base.js';

/** Shared by the two list views: loading once per login, names, the person button. */
abstract class ContactsView extends ProfileView {
  protected readonly defaultSections = ['list'] as const;
  protected readonly profiles = this.select((s) => s.profiles);
  protected readonly session = this.select((s) => s.session);
  #loadedFor = '';

  /** Loads (or refreshes) the list. */
  protected abstract load(): Promise<void>;

  protected override willUpdate(): void {
    const me = this.session.value?.userID;
    if (this.store && me && this.#loadedFor !== me) {
      this.#loadedFor = me;
      this.load().catch(() => undefined);
    }
  }

  /** A user's name: remark > nick (> the nick a request carried) > userID, without spoofing controls. */
  protected nameOf(userID: UserID, fallbackNick = ''): string {
    const state = this.store!.state;
    return cleanName(state.friends.value.get(userID)?.remark || state.profiles.get(userID)?.nick || fallbackNick) || userID;
  }

  /** The avatar and name of a user, as a button that opens their profile. */
  protected person(userID: UserID, name: string, avatar: string, meta: unknown, wrap = false) {
    return html`<button class="person" @click=${() => this.dispatchEvent(new kit.TimNavigateEvent({ to: 'profile', userID }))}>
      <tim-avatar src=${avatar} name=${name} seed=${userID}></tim-avatar>
      <span class="who"><span class="name"><bdi>${name}</bdi></span><span class="meta text ${wrap ? 'wrap' : ''}">${meta}</span></span>
    </button>`;
  }

  protected override render() {
    if (!this.store) return nothing;
    return html`<div class="pane" part="view">${this.renderSections()}</div>${this.renderFoot()}`;
  }
}

/**
 * Friend requests: received ones with Accept (an optional remark for the new friend) and Decline; sent ones
 * still waiting for an answer.
 * @internal A private view of `<tim-profile mode="requests">`.
 */
export class TimProfileRequests extends ContactsView {
  readonly #applications = this.select((s) => s.applications);
  @state() private accepting: FriendApplication | undefined;
  @state() private remarkError = '';
  @query('tim-dialog.editor') private editorDialog?: TimDialog;

  protected load() {
    return this.store!.loadApplications();
  }

  protected section(name: string) {
    if (name !== 'list') return undefined;
    const t = this.t.profile;
    const apps = this.#applications.value;
    const list = apps?.value ?? [];
    const incoming = list.filter((a) => a.type === 'Pendency_Type_ComeIn');
    const outgoing = list.filter((a) => a.type === 'Pendency_Type_SendOut');
    const now = Date.now() / 1000;
    const locale = this.l10n.locale;
    const busy = this.busy !== '';
    let body: unknown;
    if (list.length === 0) {
      body =
        apps?.status === 'error'
          ? this.errorView('getFriendApplicationList', apps.error?.code ?? 0, () => this.load().catch(() => undefined))
          : apps?.status === 'ready'
            ? kit.stateView({ kind: 'empty', text: t.requests.empty, slot: 'empty' })
            : kit.stateView({ kind: 'loading', text: this.t.common.loading });
    } else {
      const group = (title: string, items: FriendApplication[], incomingList: boolean) =>
        items.length
          ? html`<section part="section" class="section" aria-label=${title}>
              <h3>${title}</h3>
              <ul part="list" class="list">
                ${items.map((a) => {
                  const name = this.nameOf(a.userID, a.nick);
                  const when = kit.formatListTime(a.time, now, locale);
                  return html`<li part="item" class="item" data-user=${a.userID}>
                    ${this.person(
                      a.userID,
                      name,
                      this.store!.state.profiles.get(a.userID)?.avatar || a.avatar,
                      incomingList ? html`${a.wording ? html`<bdi>${a.wording}</bdi> · ` : nothing}${when}` : html`${t.requests.waiting} · ${when}`,
                      incomingList,
                    )}
                    ${incomingList
                      ? html`<span class="item-actions">
                          <button part="button" class="button primary" ?disabled=${busy} @click=${() => this.#openAccept(a)}>${t.action.accept}</button>
                          <button part="button" class="button" ?disabled=${busy} @click=${() => this.#refuse(a)}>${t.action.refuse}</button>
                        </span>`
                      : nothing}
                  </li>`;
                })}
              </ul>
            </section>`
          : nothing;
      body = html`${group(t.requests.incoming, incoming, true)}${group(t.requests.outgoing, outgoing, false)}`;
    }
    return html`<h2>${t.titles.requests}</h2>${body}${this.#renderAccept()}`;
  }

  async #openAccept(application: FriendApplication) {
    this.accepting = application;
    this.remarkError = '';
    await this.updateComplete;
    await this.editorDialog?.show();
  }

  #renderAccept() {
    const a = this.accepting;
    if (!a) return nothing;
    const t = this.t.profile;
    const name = this.nameOf(a.userID, a.nick);
    return html`<tim-dialog class="editor" heading=${t.action.accept} @close=${() => (this.accepting = undefined)}>
      <form id="accept-form" part="form" novalidate @submit=${this.#accept}>
        <div part="field" class="field">
          <label for="remark">${t.form.acceptRemark(name)}</label>
          <input id="remark" name="remark" part="input" autocomplete="off" aria-invalid=${this.remarkError ? 'true' : 'false'} aria-describedby="remark-error" />
          <p id="remark-error" part="field-error" class="field-error">${this.remarkError}</p>
        </div>
      </form>
      <button slot="footer" class="button" @click=${() => this.editorDialog?.close()}>${this.t.common.cancel}</button>
      <button slot="footer" class="button primary" type="submit" form="accept-form" ?disabled=${this.busy !== ''}>${t.action.accept}</button>
    </tim-dialog>`;
  }

  #accept = async (event: SubmitEvent) => {
    event.preventDefault();
    const a = this.accepting;
    if (!a) return;
    const form = event.target as HTMLFormElement;
    const remark = String(new FormData(form).get('remark') ?? '').trim();
    this.remarkError = bytesError(this.t.profile.form, remark, Limits.FRIEND_REMARK_BYTES);
    if (this.remarkError) {
      await this.updateComplete;
      form.querySelector<HTMLElement>('input')?.focus();
      return;
    }
    const userID = a.userID;
    const name = this.nameOf(userID, a.nick);
    await this.run('acceptFriend', ['tim-before-accept-friend', { userID, remark }], async (d) => {
      await this.store!.acceptFriendApplication(userID, d.remark || undefined);
      return this.t.profile.done.accepted(name);
    });
    this.editorDialog?.close();
  };

  #refuse(a: FriendApplication) {
    const userID = a.userID;
    const name = this.nameOf(userID, a.nick);
    return this.run('refuseFriend', ['tim-before-refuse-friend', { userID }], async () => {
      await this.store!.refuseFriendApplication(userID);
      return this.t.profile.done.refused(name);
    });
  }
}

/**
 * The block list, with Unblock.
 * @internal A private view of `<tim-profile mode="blocklist">`.
 */
export class TimProfileBlocklist extends ContactsView {
  readonly #blacklist = this.select((s) => s.blacklist);

  protected load() {
    return this.store!.loadBlacklist();
  }

  protected section(name: string) {
    if (name !== 'list') return undefined;
    const t = this.t.profile;
    const list = this.#blacklist.value;
    const ids = list?.value ?? [];
    let body: unknown;
    if (ids.length === 0) {
      body =
        list?.status === 'error'
          ? this.errorView('getBlacklist', list.error?.code ?? 0, () => this.load().catch(() => undefined))
          : list?.status === 'ready'
            ? kit.stateView({ kind: 'empty', text: t.blocklistEmpty, slot: 'empty' })
            : kit.stateView({ kind: 'loading', text: this.t.common.loading });
    } else {
      body = html`<ul part="list" class="list" aria-label=${t.titles.blocklist}>
        ${ids.map((userID) => {
          const name = this.nameOf(userID);
          return html`<li part="item" class="item" data-user=${userID}>
            ${this.person(userID, name, this.profiles.value?.get(userID)?.avatar ?? '', html`${t.field.userID}: <bdi>${userID}</bdi>`)}
            <span class="item-actions">
              <button part="button" class="button" ?disabled=${this.busy !== ''} @click=${() => this.#unblock(userID, name)}>${t.action.unblock}</button>
            </span>
          </li>`;
        })}
      </ul>`;
    }
    return html`<h2>${t.titles.blocklist}</h2>${body}`;
  }

  #unblock(userID: UserID, name: string) {
    return this.run('unblock', ['tim-before-unblock', { userID }], async () => {
      await this.store!.unblock(userID);
      return this.t.profile.done.unblocked(name);
    });
  }
}

define('tim-profile-requests', TimProfileRequests);
define('tim-profile-blocklist', TimProfileBlocklist);

declare global {
  interface HTMLElementTagNameMap {
    'tim-profile-requests': TimProfileRequests;
    'tim-profile-blocklist': TimProfileBlocklist;
  }
}
