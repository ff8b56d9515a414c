import { createRouter, createWebHashHistory } from 'vue-router';
import type { TimNavigateEvent } from 'tim-elements';
import Pane from './Pane.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: Pane },
    { path: '/chat/:id', name: 'chat', component: Pane },
    { path: '/profile/:id', name: 'profile', component: Pane },
    { path: '/group/:id', name: 'group', component: Pane },
    { path: '/search/:id?', name: 'search', component: Pane },
  ],
});

/** The elements never route: they say where the user wants to go, and the router takes them there. */
export function navigate(event: TimNavigateEvent): void {
  const to = event.detail;
  // Back from the route the page was opened on (a link: nothing of this app before it) goes to the list.
  if (to.to === 'back') void (router.options.history.state.back ? router.back() : router.push({ name: 'home' }));
  else if (to.to === 'chat') void router.push({ name: 'chat', params: { id: to.conversationID } });
  else if (to.to === 'profile') void router.push({ name: 'profile', params: { id: to.userID } });
  else if (to.to === 'group') void router.push({ name: 'group', params: { id: to.groupID } });
  else if (to.to === 'search') void router.push({ name: 'search', params: { id: to.conversationID ?? '' } });
  else void router.push({ name: 'home' });
}
