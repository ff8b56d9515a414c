/**
 * Every view of `<tim-profile>`, as one lazy chunk: the shell loads it on first use. One chunk rather than
 * one per view, because each extra lazy entry splits the kit's shared initial modules into more chunks
 * (measured: five view chunks cost the initial bundle 1.5 KB more gzip than one).
 */
import { html, define, provideSourceArea, type TemplateResult } from '../shared/first-screen.js';
import profileStrings from '../../i18n/en/profile.js';
import type { TimProfile, View } from './profile.js';
import { TimProfileUser } from './user-view.js';
import { TimProfileSelf } from './self-view.js';
import { TimProfileGroup } from './group-view.js';
import { TimProfileRequests, TimProfileBlocklist } from './contacts-view.js';
import { TimProfileFriends } from './friends-view.js';
import { attachViewsKit, type ViewsKit } from './views-kit.js';

// The English profile strings travel with the views, not in the initial bundle.
provideSourceArea('profile', profileStrings);

export { TimProfileUser, TimProfileSelf, TimProfileGroup, TimProfileRequests, TimProfileBlocklist, TimProfileFriends };

/** Registers every view with what they need from the initial bundle (called by the shell when it has
 *  loaded this chunk). */
export function defineViews(kit: ViewsKit): void {
  attachViewsKit(kit);
  define('tim-profile-user', TimProfileUser);
  define('tim-profile-self', TimProfileSelf);
  define('tim-profile-group', TimProfileGroup);
  define('tim-profile-requests', TimProfileRequests);
  define('tim-profile-blocklist', TimProfileBlocklist);
  define('tim-profile-friends', TimProfileFriends);
}

/** Parts of the views, re-exported through the view element so `tim-profile::part(x)` reaches them. */
const PARTS =
  'view, header, avatar, name, meta, badge, section, row, label, value, actions, button, danger-button, switch, list, item, group-header, index, form, field, input, field-error, notice, state, loading, empty, error';

/** Shells whose children's slots are watched (from their first view on). */
const watched = new WeakSet<TimProfile>();

/**
 * The view element of the shell's mode, with the shell's slotted children passed down by name (sections,
 * extra actions, empty states): only the slots its children use, so a view's own content shows otherwise.
 * The shell renders again when its children or their slots change (watched while it is connected).
 */
export function renderView(shell: TimProfile, view: View): TemplateResult {
  if (!watched.has(shell)) {
    watched.add(shell);
    const children = new MutationObserver(() => shell.requestUpdate());
    shell.addController({
      hostConnected: () => children.observe(shell, { childList: true, attributes: true, attributeFilter: ['slot'], subtree: true }),
      hostDisconnected: () => children.disconnect(),
    });
  }
  const names = new Set([...shell.children].map((c) => c.getAttribute('slot')).filter((n): n is string => !!n));
  const slots = [...names].map((name) => html`<slot name=${name} slot=${name}></slot>`);
  const { userId, groupId, sections } = shell;
  switch (view) {
    case 'user':
      return html`<tim-profile-user class="view" exportparts=${PARTS} user-id=${userId} .sections=${sections}>${slots}</tim-profile-user>`;
    case 'self':
      return html`<tim-profile-self class="view" exportparts=${PARTS} .sections=${sections}>${slots}</tim-profile-self>`;
    case 'group':
      return html`<tim-profile-group class="view" exportparts=${PARTS} group-id=${groupId} .sections=${sections}>${slots}</tim-profile-group>`;
    case 'requests':
      return html`<tim-profile-requests class="view" exportparts=${PARTS}>${slots}</tim-profile-requests>`;
    case 'blocklist':
      return html`<tim-profile-blocklist class="view" exportparts=${PARTS}>${slots}</tim-profile-blocklist>`;
    case 'friends':
      return html`<tim-profile-friends class="view" exportparts=${PARTS}>${slots}</tim-profile-friends>`;
  }
}
