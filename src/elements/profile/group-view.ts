import {
  css,
  html,
  nothing,
  property,
  query,
  state,
  define,
  Limits,
  toGroupConversationID,
} from '../shared/first-screen.js';
import type {
  ChatError,
  GroupID,
  GroupMember,
  GroupProfile,
  GroupProfilePatch,
  UserID,
} from '../../core/index.js';
import type { VirtualList } from '../shared/virtual-list.js';
import { kit } from './views-kit.js';
import type { TimDialog } from '../shared/dialog.js';
import type { MenuItem, TimMenu, TimMenuSelectEvent } from '../shared/menu.js';
import { ProfileView, bytesError, cleanName, reveal } from './view-base.js';
import '../shared/menu.js';

/** Members are fetched in pages of this size as the list is scrolled. */
const MEMBER_PAGE = 50;
const ROLE_RANK = { Owner: 0, Admin: 1, Member: 2 } as const;
/** Mute periods offered, as [count, unit]. */
const MUTE_PERIODS: ReadonlyArray<[number, 'minute' | 'hour' | 'day']> = [
  [10, 'minute'],
  [1, 'hour'],
  [12, 'hour'],
  [1, 'day'],
  [7, 'day'],
];
const UNIT_SECONDS = { minute: 60, hour: 3600, day: 86_400 } as const;

type Dialog =
  | { kind: 'edit' }
  | { kind: 'nameCard' }
  | { kind: 'mute'; member: GroupMember }
  | { kind: 'invite' }
  | { kind: 'transfer' };

/**
 * A group's profile: identity, introduction and notice, the member list (paged and virtualized, with
 * roles and mutes), the user's own settings (name card, notifications, pin) and leaving. Owners and
 * admins also edit the group and manage members; what a role may not do is not offered, and what the
 * service refuses anyway (roles changed meanwhile) is shown in words.
 * @internal A private view of `<tim-profile>`.
 */
export class TimProfileGroup extends ProfileView {
  static override styles = [
    ProfileView.styles,
    css`
      /* Classes rather than style attributes, which a strict Content-Security-Policy blocks. */
      .group-avatar {
        --tim-avatar-radius: var(--tim-radius-m);
      }
      .danger-zone.spaced {
        margin-block-start: var(--tim-space-2);
      }
      tim-avatar.small {
        --tim-avatar-size: 1.75rem;
      }
      .members {
        max-height: 22rem;
        overflow-y: auto;
        margin-inline: calc(-1 * var(--tim-space-4));
        outline-offset: -2px;
      }
      .members-head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--tim-space-2);
        margin-block-end: var(--tim-space-2);
      }
      .members-head h3 {
        margin: 0;
      }
      .item.member {
        cursor: pointer;
      }
      .item.member:hover,
      .members:focus-visible .item.member.active {
        background: var(--tim-color-hover);
      }
      .members:focus-visible .item.member.active {
        outline: 2px solid var(--tim-color-focus);
        outline-offset: -2px;
      }
    `,
  ];

  /** The group shown. */
  @property({ attribute: 'group-id' }) groupId: GroupID = '';

  protected readonly defaultSections = ['header', 'info', 'members', 'settings', 'danger'] as const;
  readonly #groups = this.select((s) => s.groups);
  readonly #members = this.select((s) => s.members);
  readonly #session = this.select((s) => s.session);
  /** Names follow remarks and profiles. */
  protected readonly watched = [this.select((s) => s.friends), this.select((s) => s.profiles)];
  @state() private lookup: 'loading' | 'ready' | 'missing' = 'loading';
  @state() private dialog: Dialog | undefined;
  @state() private dialogError: Partial<Record<string, string>> = {};
  /** Index of the member the keyboard is on. */
  @state() private active = 0;
  @state() private menuItems: MenuItem[] = [];
  @query('tim-dialog.editor') private editorDialog?: TimDialog;
  @query('tim-menu') private menu?: TimMenu;
  #menuFor: GroupMember | undefined;
  #typeahead = new kit.Typeahead();
  #list = new kit.VirtualList<GroupMember>(this, {
    key: (m) => m.userID,
    estimate: 56,
    overscan: 400,
    onRange: (range) => {
      const page = this.store?.state.members.get(this.groupId);
      if (page && page.status === 'ready' && page.offset !== 0 && range.last >= this.#list.items.length - 10) {
        this.store!.loadMembers(this.groupId, { count: MEMBER_PAGE }).catch(() => undefined);
      }
    },
  });

  get #group(): GroupProfile | undefined {
    return this.#groups.value?.get(this.groupId);
  }

  #loadedFor = '';
  protected override willUpdate(): void {
    const store = this.store;
    const key = `${this.#session.value?.userID}\n${this.groupId}`;
    if (!store || !this.groupId || this.#loadedFor === key) return;
    this.#loadedFor = key;
    this.#load();
  }

  async #load() {
    const store = this.store!;
    const id = this.groupId;
    this.notice = undefined;
    this.active = 0;
    this.lookup = store.state.groups.has(id) ? 'ready' : 'loading';
    void this.fetchConversation(toGroupConversationID(id));
    store.loadMembers(id, { reset: true, count: MEMBER_PAGE }).catch(() => undefined);
    try {
      await store.loadGroup(id);
      if (this.groupId === id) this.lookup = 'ready';
    } catch {
      if (this.groupId === id) this.lookup = store.state.groups.has(id) ? 'ready' : 'missing';
    }
  }

  protected override render() {
    if (!this.store || !this.groupId) return nothing;
    if (!this.#group) {
      return this.lookup === 'loading'
        ? kit.stateView({ kind: 'loading', text: this.t.common.loading })
        : kit.stateView({ kind: 'empty', text: this.t.profile.groupMissing, action: { label: this.t.common.retry, run: () => this.#load() } });
    }
    return html`<div class="pane" part="view">${this.renderSections()}</div>
      ${this.renderFoot()}${this.#renderDialog()}
      <tim-menu .items=${this.menuItems} @tim-menu-select=${this.#onMenu}></tim-menu>`;
  }

  /** The logged-in user's role ('' when not a member). */
  get #role(): GroupMember['role'] | '' {
    return this.#group?.selfRole ?? '';
  }

  get #canManage(): boolean {
    return this.#role === 'Owner' || this.#role === 'Admin';
  }

  get #canInvite(): boolean {
    const g = this.#group;
    return !!g && !!this.#role && g.type !== 'AVChatRoom' && (g.type === 'Private' || this.#canManage);
  }

  /** Members sorted owner, admins, then members (in the service's order). */
  get #sortedMembers(): GroupMember[] {
    const members = this.#members.value?.get(this.groupId)?.members ?? [];
    return [...members].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role]);
  }

  #memberName(userID: UserID): string {
    return cleanName(kit.memberShowName(this.store!.state, this.groupId, userID)) || userID;
  }

  protected section(name: string) {
    const g = this.#group!;
    const t = this.t.profile;
    const busy = this.busy !== '';
    const row = (label: string, value: string, extra: unknown = nothing) =>
      html`<div part="row" class="row">
        <span part="label" class="label">${label}</span>
        <span part="value" class="value ${value ? '' : 'unset'}"><bdi>${value || t.notSet}</bdi></span>${extra}
      </div>`;
    switch (name) {
      case 'header': {
        const count = new Intl.NumberFormat(this.l10n.locale).format(g.memberCount);
        return html`<header part="header" class="header" role="none">
          <tim-avatar part="avatar" src=${g.avatar} name=${cleanName(g.name) || g.groupID} seed=${g.groupID} class="group-avatar"></tim-avatar>
          <div class="who">
            <span part="name" class="name"><bdi>${cleanName(g.name) || g.groupID}</bdi></span>
            <span part="meta" class="meta">${t.groupType[g.type]} · ${t.memberCount(count, g.memberCount)}</span>
            <span part="meta" class="meta">${t.field.groupID}: <bdi>${g.groupID}</bdi></span>
            ${this.#role ? html`<span class="badges"><span part="badge" class="badge ${this.#role}">${t.role[this.#role]}</span></span>` : nothing}
          </div>
        </header>`;
      }
      case 'info':
        return html`<section part="section" class="section">
          ${row(t.field.introduction, g.introduction || t.noIntro)} ${row(t.field.notice, g.notification || t.noNotice)}
          ${this.#canManage
            ? html`<div class="row">
                <button part="button" class="link" ?disabled=${busy} @click=${() => this.#open({ kind: 'edit' })}>${t.action.editGroup}</button>
              </div>`
            : nothing}
        </section>`;
      case 'members':
        return this.#renderMembers();
      case 'settings': {
        if (!this.#role) return nothing;
        const me = this.#session.value!.userID;
        const card = this.#members.value?.get(this.groupId)?.members.find((m) => m.userID === me)?.nameCard ?? '';
        return html`<section part="section" class="section">
          ${row(
            t.field.nameCard,
            card,
            html`<button part="button" class="link" ?disabled=${busy} @click=${() => this.#open({ kind: 'nameCard' })}>${t.action.edit}</button>`,
          )}
          ${this.conversationSettings(toGroupConversationID(g.groupID))}
        </section>`;
      }
      case 'danger':
        if (!this.#role) return nothing;
        return html`<section part="section" class="section">
          ${this.#role === 'Owner'
            ? html`<p class="hint">${t.ownerCannotLeave}</p>
                <div class="danger-zone spaced">
                  <button part="button" class="button" ?disabled=${busy} @click=${() => this.#open({ kind: 'transfer' })}>${t.action.transfer}</button>
                  <button part="button danger-button" class="button danger" ?disabled=${busy} @click=${this.#dismiss}>${t.action.dismiss}</button>
                </div>`
            : html`<button part="button danger-button" class="button danger" ?disabled=${busy} @click=${this.#leave}>${t.action.leave}</button>`}
        </section>`;
      default:
        return undefined;
    }
  }

  #renderMembers() {
    const t = this.t.profile;
    const page = this.#members.value?.get(this.groupId);
    const members = this.#sortedMembers;
    const active = Math.min(this.active, Math.max(0, members.length - 1));
    const now = Date.now() / 1000;
    const me = this.#session.value?.userID;
    let body: unknown;
    if (!this.#role && members.length === 0) body = html`<p class="hint">${t.membersOnly}</p>`;
    else if (!page || (page.status === 'loading' && members.length === 0)) body = kit.stateView({ kind: 'loading', text: this.t.common.loading });
    else if (page.status === 'error' && members.length === 0)
      body = this.errorView('getGroupMemberList', page.error?.code ?? 0, () => this.store!.loadMembers(this.groupId, { reset: true, count: MEMBER_PAGE }).catch(() => undefined));
    else
      body = html`<div
        class="members"
        part="list"
        role="listbox"
        tabindex="0"
        aria-label=${t.field.members}
        aria-activedescendant=${members.length ? `member-${active}` : nothing}
        @keydown=${this.#onListKey}
      >
        ${this.#list.render(members, (m, i) => {
          const name = this.#memberName(m.userID);
          const muted = m.muteUntil > now;
          return html`<div
            part="item"
            class="item member ${i === active ? 'active' : ''}"
            role="option"
            id="member-${i}"
            aria-selected=${i === active ? 'true' : 'false'}
            aria-setsize=${members.length}
            aria-posinset=${i + 1}
            @click=${(e: MouseEvent) => this.#activate(i, e.currentTarget as HTMLElement)}
          >
            <tim-avatar src=${m.avatar || this.store!.state.profiles.get(m.userID)?.avatar || ''} name=${name} seed=${m.userID}></tim-avatar>
            <span class="who">
              <span class="name"><bdi>${name}</bdi>${m.userID === me ? html` <span class="meta">(${this.t.common.you})</span>` : nothing}</span>
              ${muted ? html`<span class="meta">${t.mute.until(kit.formatDateTime(m.muteUntil, this.l10n.locale))}</span>` : nothing}
            </span>
            <span class="badges">
              ${m.role !== 'Member' ? html`<span part="badge" class="badge ${m.role}">${t.role[m.role]}</span>` : nothing}
            </span>
          </div>`;
        })}
      </div>`;
    return html`<section part="section" class="section">
      <div class="members-head">
        <h3>${t.field.members} · ${new Intl.NumberFormat(this.l10n.locale).format(this.#group!.memberCount)}</h3>
        ${this.#canInvite
          ? html`<button part="button" class="link" ?disabled=${this.busy !== ''} @click=${() => this.#open({ kind: 'invite' })}>
              ${t.action.invite}
            </button>`
          : nothing}
      </div>
      ${body}
    </section>`;
  }

  #onListKey = (event: KeyboardEvent) => {
    const members = this.#sortedMembers;
    const scroller = this.#list.element;
    if (!scroller || members.length === 0) return;
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      const row = scroller.querySelector<HTMLElement>(`#member-${this.active}`);
      this.#activate(this.active, row ?? scroller);
      return;
    }
    const page = Math.max(1, Math.floor(scroller.clientHeight / 56) - 1);
    const target =
      kit.navigationTarget(event.key, this.active, members.length, page) ??
      this.#typeahead.match(event.key, this.active, (i) => this.#memberName(members[i]!.userID), members.length);
    if (target === null) return;
    event.preventDefault();
    this.active = target;
    reveal(this.#list as VirtualList<unknown>, target);
  };

  /** A member was chosen: their actions (or straight to their profile when that is all there is). */
  #activate(index: number, anchor: HTMLElement) {
    const member = this.#sortedMembers[index];
    if (!member) return;
    this.active = index;
    const items = this.#memberActions(member);
    if (items.length === 1 && items[0]!.id === 'profile') return this.#navigateTo(member.userID);
    this.#menuFor = member;
    this.menuItems = items;
    void this.updateComplete.then(() => this.menu?.showFor(anchor, this.#list.element ?? null));
  }

  /** What the logged-in user may do to this member (the service enforces the same rules). */
  #memberActions(m: GroupMember): MenuItem[] {
    const t = this.t.profile.action;
    const g = this.#group!;
    const role = this.#role;
    const me = this.#session.value?.userID;
    if (m.userID === me) return [{ id: 'nameCard', label: t.editNameCard, icon: 'edit' }];
    const items: MenuItem[] = [{ id: 'profile', label: t.viewProfile, icon: 'info' }];
    const outranks = m.role !== 'Owner' && (role === 'Owner' || (role === 'Admin' && m.role === 'Member'));
    if (role === 'Owner' && g.type !== 'AVChatRoom') {
      items.push(m.role === 'Admin' ? { id: 'unsetAdmin', label: t.unsetAdmin } : { id: 'setAdmin', label: t.setAdmin, icon: 'users' });
    }
    if (outranks) {
      const muted = m.muteUntil > Date.now() / 1000;
      items.push(muted ? { id: 'unmute', label: t.unmuteMember, icon: 'bell' } : { id: 'mute', label: t.muteMember, icon: 'bellOff' });
      items.push({ id: 'remove', label: t.removeMember, icon: 'trash', danger: true });
    }
    return items;
  }

  #navigateTo(userID: UserID) {
    this.dispatchEvent(new kit.TimNavigateEvent({ to: 'profile', userID }));
  }

  #onMenu = (event: TimMenuSelectEvent) => {
    const m = this.#menuFor;
    if (!m) return;
    const store = this.store!;
    const groupID = this.groupId;
    const userID = m.userID;
    const t = this.t.profile;
    const name = this.#memberName(userID);
    switch (event.id) {
      case 'profile':
        return this.#navigateTo(userID);
      case 'nameCard':
        return void this.#open({ kind: 'nameCard' });
      case 'setAdmin':
      case 'unsetAdmin': {
        const admin = event.id === 'setAdmin';
        return void this.run('setGroupMemberRole', ['tim-before-set-admin', { groupID, userID, admin }], () =>
          store.setGroupMemberRole(groupID, userID, admin ? 'Admin' : 'Member'),
        );
      }
      case 'mute':
        return void this.#open({ kind: 'mute', member: m });
      case 'unmute':
        return void this.run('setGroupMemberMuteTime', ['tim-before-mute-member', { groupID, userID, seconds: 0 }], (d) =>
          store.setGroupMemberMuteTime(groupID, userID, d.seconds),
        );
      case 'remove':
        return void this.ask({ title: t.confirm.remove(name), confirmLabel: t.action.removeMember, danger: true }).then(
          (ok) =>
            ok &&
            this.run('removeGroupMembers', ['tim-before-remove-member', { groupID, userID }], () => store.removeGroupMembers(groupID, [userID])),
        );
    }
  };

  async #open(dialog: Dialog) {
    this.dialog = dialog;
    this.dialogError = {};
    await this.updateComplete;
    await this.editorDialog?.show();
  }

  /** A picker's list that is not there yet: loading, or why it could not be loaded, with a retry (not "nobody"). */
  #notListed(list: { status: string; error?: ChatError } | undefined, scenario: string, retry: () => Promise<void>) {
    return list?.status === 'error'
      ? this.errorView(scenario, list.error?.code ?? 0, () => void retry().catch(() => undefined))
      : html`<p class="hint" role="status">${this.t.common.loading}</p>`;
  }

  #renderDialog() {
    const d = this.dialog;
    if (!d) return nothing;
    const t = this.t.profile;
    const g = this.#group!;
    const errors = this.dialogError;
    const text = (key: string, label: string, value: string, multiline = false) => html`<div part="field" class="field">
      <label for=${key}>${label}</label>
      ${multiline
        ? html`<textarea id=${key} name=${key} part="input" .value=${value} aria-invalid=${errors[key] ? 'true' : 'false'} aria-describedby="${key}-error"></textarea>`
        : html`<input id=${key} name=${key} part="input" .value=${value} autocomplete="off" aria-invalid=${errors[key] ? 'true' : 'false'} aria-describedby="${key}-error" />`}
      <p id="${key}-error" part="field-error" class="field-error">${errors[key] ?? ''}</p>
    </div>`;
    const me = this.#session.value?.userID ?? '';
    let heading = '';
    let body: unknown = nothing;
    let submit = this.t.common.save;
    let disabled = false;
    switch (d.kind) {
      case 'edit':
        heading = t.action.editGroup;
        body = html`${text('name', t.field.groupName, g.name)} ${text('introduction', t.field.introduction, g.introduction, true)}
        ${text('notification', t.field.notice, g.notification, true)}`;
        break;
      case 'nameCard': {
        heading = t.field.nameCard;
        const card = this.#members.value?.get(this.groupId)?.members.find((m) => m.userID === me)?.nameCard ?? '';
        body = text('nameCard', t.field.nameCard, card);
        break;
      }
      case 'mute': {
        heading = t.mute.title(this.#memberName(d.member.userID));
        body = html`<fieldset part="field" class="field">
          <legend class="visually-hidden">${heading}</legend>
          ${MUTE_PERIODS.map(
            ([n, unit], i) => html`<label class="choice">
              <input type="radio" name="seconds" value=${n * UNIT_SECONDS[unit]} ?checked=${i === 0} />
              ${new Intl.NumberFormat(this.l10n.locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n)}
            </label>`,
          )}
        </fieldset>`;
        submit = t.mute.confirm;
        break;
      }
      case 'invite': {
        heading = t.invite.title;
        const inGroup = new Set(this.#members.value?.get(this.groupId)?.members.map((m) => m.userID));
        const friends = this.store!.state.friends;
        const candidates = [...friends.value.values()].filter((f) => !inGroup.has(f.userID));
        disabled = candidates.length === 0;
        submit = t.action.add;
        body = !candidates.length && friends.status !== 'ready'
          ? this.#notListed(friends, 'getFriendList', () => this.store!.loadFriends())
          : candidates.length
          ? html`<fieldset part="field" class="field choices">
              <legend class="visually-hidden">${heading}</legend>
              ${candidates.map((f) => {
                const name = cleanName(kit.userShowName(this.store!.state, f.userID)) || f.userID;
                return html`<label class="choice">
                  <input type="checkbox" name="userID" value=${f.userID} />
                  <tim-avatar src=${f.profile.avatar} name=${name} seed=${f.userID} class="small"></tim-avatar>
                  <bdi>${name}</bdi>
                </label>`;
              })}
            </fieldset>
            <p class="field-error" id="userID-error">${errors.userID ?? ''}</p>`
          : html`<p class="hint">${t.invite.empty}</p>`;
        break;
      }
      case 'transfer': {
        heading = t.transfer.title;
        const others = this.#sortedMembers.filter((m) => m.userID !== me);
        disabled = others.length === 0;
        submit = t.action.transfer;
        const page = this.#members.value?.get(this.groupId);
        body = !others.length && page?.status !== 'ready'
          ? this.#notListed(page, 'getGroupMemberList', () => this.store!.loadMembers(this.groupId, { reset: true, count: MEMBER_PAGE }))
          : others.length
          ? html`<fieldset part="field" class="field choices">
              <legend class="visually-hidden">${heading}</legend>
              ${others.map((m, i) => {
                const name = this.#memberName(m.userID);
                return html`<label class="choice">
                  <input type="radio" name="userID" value=${m.userID} ?checked=${i === 0} />
                  <tim-avatar src=${m.avatar} name=${name} seed=${m.userID} class="small"></tim-avatar>
                  <bdi>${name}</bdi>
                </label>`;
              })}
            </fieldset>`
          : html`<p class="hint">${t.transfer.empty}</p>`;
        break;
      }
    }
    return html`<tim-dialog class="editor" heading=${heading} @close=${() => (this.dialog = undefined)}>
      <form id="group-form" part="form" novalidate @submit=${this.#submit}>${body}</form>
      <button slot="footer" class="button" @click=${() => this.editorDialog?.close()}>${this.t.common.cancel}</button>
      <button slot="footer" class="button primary" type="submit" form="group-form" ?disabled=${disabled || this.busy !== ''}>${submit}</button>
    </tim-dialog>`;
  }

  #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const d = this.dialog;
    if (!d) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const f = this.t.profile.form;
    const t = this.t.profile;
    const store = this.store!;
    const groupID = this.groupId;
    const g = this.#group!;
    const invalid = async (errors: Partial<Record<string, string>>) => {
      this.dialogError = errors;
      await this.updateComplete;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    };
    let done: Promise<boolean> | undefined;
    switch (d.kind) {
      case 'edit': {
        const name = String(data.get('name') ?? '').trim();
        const introduction = String(data.get('introduction') ?? '');
        const notification = String(data.get('notification') ?? '');
        const errors = {
          name: name ? bytesError(f, name, Limits.GROUP_NAME_BYTES) : f.required,
          introduction: bytesError(f, introduction, Limits.GROUP_INTRO_BYTES),
          notification: bytesError(f, notification, Limits.GROUP_NOTICE_BYTES),
        };
        if (errors.name || errors.introduction || errors.notification) return invalid(errors);
        const patch: GroupProfilePatch = {};
        if (name !== g.name) patch.name = name;
        if (introduction !== g.introduction) patch.introduction = introduction;
        if (notification !== g.notification) patch.notification = notification;
        if (!Object.keys(patch).length) break;
        done = this.run('updateGroupProfile', ['tim-before-update-group', { groupID, patch }], async (x) => {
          await store.updateGroupProfile(groupID, x.patch);
          return t.done.groupSaved;
        });
        break;
      }
      case 'nameCard': {
        const nameCard = String(data.get('nameCard') ?? '').trim();
        const error = bytesError(f, nameCard, Limits.NAME_CARD_BYTES);
        if (error) return invalid({ nameCard: error });
        const userID = this.#session.value!.userID;
        done = this.run('setGroupMemberNameCard', ['tim-before-set-name-card', { groupID, userID, nameCard }], async (x) => {
          await store.setGroupMemberNameCard(groupID, userID, x.nameCard);
          return t.done.nameCard;
        });
        break;
      }
      case 'mute': {
        const seconds = Number(data.get('seconds'));
        const userID = d.member.userID;
        done = this.run('setGroupMemberMuteTime', ['tim-before-mute-member', { groupID, userID, seconds }], (x) =>
          store.setGroupMemberMuteTime(groupID, userID, x.seconds),
        );
        break;
      }
      case 'invite': {
        const userIDs = data.getAll('userID').map(String);
        if (!userIDs.length) return invalid({ userID: f.required });
        done = this.run('addGroupMembers', ['tim-before-invite', { groupID, userIDs }], async (x) => {
          await store.addGroupMembers(groupID, x.userIDs);
          return t.done.invited(x.userIDs.length);
        });
        break;
      }
      case 'transfer': {
        const userID = String(data.get('userID') ?? '');
        if (!userID) break;
        this.editorDialog?.close();
        const name = this.#memberName(userID);
        if (!(await this.ask({ title: t.confirm.transfer(name), text: t.confirm.transferText, confirmLabel: t.action.transfer, danger: true }))) return;
        await this.run('changeGroupOwner', ['tim-before-transfer-owner', { groupID, userID }], () => store.changeGroupOwner(groupID, userID));
        return;
      }
    }
    await done;
    this.editorDialog?.close();
  };

  #leave = async () => {
    const t = this.t.profile;
    const groupID = this.groupId;
    const name = cleanName(this.#group?.name ?? '') || groupID;
    if (!(await this.ask({ title: t.confirm.leave(name), text: t.confirm.leaveText, confirmLabel: t.action.leave, danger: true }))) return;
    const left = await this.run('quitGroup', ['tim-before-leave-group', { groupID }], () => this.store!.quitGroup(groupID));
    if (left) this.dispatchEvent(new kit.TimNavigateEvent({ to: 'conversations' }));
  };

  #dismiss = async () => {
    const t = this.t.profile;
    const groupID = this.groupId;
    const name = cleanName(this.#group?.name ?? '') || groupID;
    if (!(await this.ask({ title: t.confirm.dismiss(name), text: t.confirm.dismissText, confirmLabel: t.action.dismiss, danger: true }))) return;
    const gone = await this.run('dismissGroup', ['tim-before-dismiss-group', { groupID }], () => this.store!.dismissGroup(groupID));
    if (gone) this.dispatchEvent(new kit.TimNavigateEvent({ to: 'conversations' }));
  };
}

define('tim-profile-group', TimProfileGroup);

declare global {
  interface HTMLElementTagNameMap {
    'tim-profile-group': TimProfileGroup;
  }
}
