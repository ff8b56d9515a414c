import { css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TimElement } from '../shared/tim-element.js';
import { stateView } from '../shared/state-view.js';
import { backBar, backBarStyles } from '../shared/back-bar.js';
import { buttonStyles, stateViewStyles } from '../../styles/shared.js';
import '../status/define.js';
// Every view shows avatars: registered with the shell (the views' chunk relies on it).
import '../shared/avatar.js';
import { TimNavigateEvent } from '../../events/navigate.js';
import { formatDateTime, formatListTime } from '../../i18n/format.js';
import { memberShowName, relationshipOf, userShowName } from '../../store/selectors.js';
import { stripControls } from '../shared/text.js';
import { navigationTarget, Typeahead, VirtualList } from '../shared/virtual-list.js';
import { loadOnce } from '../../load-once.js';
import { unreachable } from '../../core/index.js';

/** The modes of `<tim-profile>` that show lists rather than one profile. */
export type TimProfileMode = '' | 'requests' | 'blocklist' | 'friends';
/** @internal */
export type View = 'user' | 'self' | 'group' | 'requests' | 'blocklist' | 'friends';

type Views = typeof import('./views.js');
/** The views' chunk, once loaded and its views registered. */
let views: Views | undefined;
/**
 * Every view loads on first use, as one lazy chunk (`views.ts`): the initial bundle holds only this shell
 * and the strings; the views' templates travel with them. Profiles are opened on demand, and the chunk
 * loads while the profile itself is fetched. The chunk's views are registered by a call to its
 * `defineViews(kit)`, so a bundler that drops a chunk's top-level `define()` calls (a strict `sideEffects`
 * setting) cannot leave the tags undefined; the kit hands the views what they share with the initial bundle
 * (see `views-kit.ts`).
 */
const loadViews = loadOnce(() =>
  import('./views.js').catch(unreachable).then((m) => {
    m.defineViews({ stateView, VirtualList, navigationTarget, Typeahead, userShowName, memberShowName, relationshipOf, formatListTime, formatDateTime, stripControls, TimNavigateEvent });
    return (views = m);
  }),
);

/** Splits the `sections` attribute ("header info vip") into names. */
const sectionList = {
  fromAttribute: (value: string | null) => (value ?? '').split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: readonly string[]) => value.join(' '),
};

/**
 * Profiles and contacts, as one element with modes (the seed's TIMUIKitProfile, NewContact, BlackList,
 * AddFriend and GroupProfile):
 *
 * - `user-id="bob"`: a user's profile (avatar, name, ID, remark, status, gender, birthday, location) and
 *   the relationship (friend, not a friend, request sent, blocked); send a message, add or delete as a
 *   friend, edit the remark, block or unblock, mute notifications, pin the chat, clear the history.
 * - `self` (or `user-id` equal to the logged-in user): edit your own name, avatar URL, status, gender,
 *   birthday, location and who may add you. Invalid input is refused field by field; nothing is half-saved.
 * - `mode="requests"`: friend requests received (accept with an optional remark, or decline) and sent.
 * - `mode="blocklist"`: blocked users, with unblock.
 * - `mode="friends"`: the friend list, virtualized, grouped by first letter with an index.
 * - `group-id="…"`: a group's name, avatar, type, introduction, notice and members (paged, virtualized,
 *   with roles). Owner and admins edit the group, set admins, mute, remove and add members; everyone sets
 *   their name card, mutes notifications, pins, leaves (the owner transfers or dismisses instead).
 *
 * Every action first fires a cancelable `tim-before-*` event (see `TimProfileBeforeDetails`); a
 * `preventDefault()` vetoes it. Results and errors are shown in words at the foot of the element, and
 * failures are also reported with `tim-error`. The views are one lazy chunk, loaded on first use.
 *
 * Sections can be reordered or hidden with `sections` (the seed's `profileWidgetsOrder`): user profile
 * `header actions info settings danger`; own profile `header form`; group `header info members settings
 * danger`. Any other name in the list renders the host's element with that `slot` name at that place
 * (`<tim-profile sections="header crm actions"><div slot="crm">…</div></tim-profile>`).
 *
 * @tagname tim-profile
 * @summary A user's or group's profile, the own profile editor, friend requests, block list and friends.
 *
 * @slot actions - Extra buttons in a user profile's action bar.
 * @slot empty - Replaces the text shown when nothing is chosen or a list (requests, blocked, friends) is empty.
 *
 * @csspart back-button - The back button at the top, in every view (fires `tim-navigate` `{to:'back'}`; hidden with `no-back`).
 * @csspart view - The scrolling pane of a view.
 * @csspart header - The identity card (avatar, name, ID, badges).
 * @csspart avatar - The large avatar in the header.
 * @csspart name - The display name in the header.
 * @csspart meta - ID, type and member count lines.
 * @csspart badge - Relationship and role badges.
 * @csspart section - Each section of a profile.
 * @csspart row - A label/value row.
 * @csspart label - The label of a row.
 * @csspart value - The value of a row.
 * @csspart actions - The action bar of a user profile.
 * @csspart button - Every action button.
 * @csspart danger-button - Destructive actions (delete, block, leave, dismiss…).
 * @csspart switch - On/off settings (mute notifications, pin).
 * @csspart list - Lists (requests, blocked users, friends, members).
 * @csspart item - A list row.
 * @csspart group-header - A letter heading of the friend list.
 * @csspart index - The letter index of the friend list.
 * @csspart form - Editing forms.
 * @csspart field - A form field (label, input, error).
 * @csspart input - Inputs, selects and text areas.
 * @csspart field-error - The error text of a field.
 * @csspart notice - The result of the last action (or its error).
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --tim-avatar-size - Size of list avatars (the header avatar is larger).
 *
 * @event {TimNavigateEvent} tim-navigate - The user asked to go back (`{to:'back'}`, the back button), to open a
 *   chat (`{to:'chat', conversationID}`), a profile (`{to:'profile', userID}`) or, after leaving or dismissing a
 *   group, the conversation list.
 * @event {TimErrorEvent} tim-error - An action failed (with the service's code and a localised text), or the views'
 *   code could not be loaded (code 2806: offline; shown in place with Retry).
 * @event {TimBeforeEvent} tim-before-add-friend - Before sending a friend request; `detail.wording` and `detail.remark` are writable.
 * @event {TimBeforeEvent} tim-before-delete-friend - Before deleting a friend (after the user confirmed).
 * @event {TimBeforeEvent} tim-before-update-remark - Before saving a friend's remark.
 * @event {TimBeforeEvent} tim-before-block - Before adding a user to the block list (after the user confirmed).
 * @event {TimBeforeEvent} tim-before-unblock - Before removing a user from the block list.
 * @event {TimBeforeEvent} tim-before-mute - Before muting or unmuting a conversation's notifications.
 * @event {TimBeforeEvent} tim-before-pin - Before pinning or unpinning a conversation.
 * @event {TimBeforeEvent} tim-before-clear-history - Before clearing a conversation's history (after the user confirmed).
 * @event {TimBeforeEvent} tim-before-accept-friend - Before accepting a friend request; `detail.remark` is writable.
 * @event {TimBeforeEvent} tim-before-refuse-friend - Before declining a friend request.
 * @event {TimBeforeEvent} tim-before-update-profile - Before saving the own profile (`detail.patch`: the changed fields).
 * @event {TimBeforeEvent} tim-before-update-group - Before saving a group's name, introduction or notice.
 * @event {TimBeforeEvent} tim-before-set-admin - Before making a member an admin or a member again.
 * @event {TimBeforeEvent} tim-before-mute-member - Before muting (`seconds` > 0) or unmuting (0) a member.
 * @event {TimBeforeEvent} tim-before-remove-member - Before removing a member (after the user confirmed).
 * @event {TimBeforeEvent} tim-before-invite - Before adding members to a group.
 * @event {TimBeforeEvent} tim-before-set-name-card - Before saving the own name card in a group.
 * @event {TimBeforeEvent} tim-before-transfer-owner - Before making another member the owner (after the user confirmed).
 * @event {TimBeforeEvent} tim-before-leave-group - Before leaving a group (after the user confirmed).
 * @event {TimBeforeEvent} tim-before-dismiss-group - Before dismissing a group (after the user confirmed).
 */
export class TimProfile extends TimElement {
  static override styles = [
    TimElement.styles,
    buttonStyles,
    stateViewStyles,
    backBarStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        height: 100%;
        background: var(--tim-color-bg);
      }
      .view {
        flex: 1;
        min-height: 0;
      }
    `,
  ];

  /** The user whose profile is shown (the logged-in user's own shows the editor). */
  @property({ attribute: 'user-id' }) userId = '';
  /** The group whose profile is shown (takes precedence over `user-id`). */
  @property({ attribute: 'group-id' }) groupId = '';
  /** Show the logged-in user's own profile, whatever `user-id` says. */
  @property({ type: Boolean, reflect: true }) self = false;
  /** A list mode instead of one profile: `requests`, `blocklist` or `friends` (takes precedence over the IDs). */
  @property({ reflect: true }) mode: TimProfileMode = '';
  /**
   * Section names in display order (the seed's `profileWidgetsOrder`); empty = the view's default. Leave a
   * name out to hide that section; an unknown name places the host's element with that `slot` there. As an
   * attribute: names separated by spaces or commas.
   */
  @property({ converter: sectionList }) sections: string[] = [];
  /** Hides the back button (when the host shows the list beside the profile). */
  @property({ type: Boolean, attribute: 'no-back', reflect: true }) noBack = false;

  #session = this.select((s) => s.session);
  /** The code of the error that kept the views' code from loading (offline: 2806), shown with Retry; 0 when none. */
  @state() private failed = 0;

  /** Which view the attributes ask for ('' when none). */
  get #view(): View | '' {
    if (this.mode === 'requests' || this.mode === 'blocklist' || this.mode === 'friends') return this.mode;
    if (this.groupId) return 'group';
    const me = this.#session.value?.userID;
    if (this.self || (this.userId && this.userId === me)) return 'self';
    return this.userId ? 'user' : '';
  }

  protected override render() {
    const t = this.t;
    if (!this.store) return stateView({ kind: 'empty', text: t.common.noProvider });
    const view = this.#view;
    const session = this.#session.value;
    // Back, first in every state (loading, an error, offline: a phone user is never stuck on a profile), then
    // the connection state.
    const top = html`${this.noBack ? '' : backBar(this, t.common.back)}<tim-status></tim-status>`;
    if (session?.status !== 'ready' && session?.status !== 'kickedOut') return top;
    if (!view) return html`${top}${stateView({ kind: 'empty', text: t.common.noProfileTarget, slot: 'empty' })}`;
    if (!views) {
      if (this.failed) {
        return html`${top}${stateView({ kind: 'error', text: this.l10n.errorText(this.failed) ?? '', action: { label: t.common.retry, run: () => this.#load() } })}`;
      }
      this.#load();
      return html`${top}${stateView({ kind: 'loading', text: t.common.loading })}`;
    }
    return html`${top}${views.renderView(this, view)}`;
  }

  #loading = false;
  #load() {
    if (this.#loading) return;
    this.#loading = true;
    loadViews().then(
      () => {
        this.#loading = false;
        this.failed = 0;
        this.requestUpdate();
      },
      (error: unknown) => {
        // Said in place (Retry: a page keeps a failed fetch in Chromium, not in every browser), and to the host.
        this.reportError(error, 'openProfile', (_, e) => (this.failed = e.code));
        this.#loading = false;
      },
    );
  }

}
