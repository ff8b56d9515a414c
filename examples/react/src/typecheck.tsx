/**
 * Type tests for the generated wrappers: `tsc` (the first half of `npm run build`) compiles this file; the
 * app never imports it. Each `@ts-expect-error` fails the build if the line it guards stops being an error.
 */
import { TimChat, TimConversation, TimProvider } from 'tim-elements/react';
import 'tim-elements/react/jsx';
import type { TimNavigateEvent, TimBeforeConversationActionEvent } from 'tim-elements';

export const typed = [
  <TimChat conversationId="C2Cbob" onTimNavigate={(e: TimNavigateEvent) => e.detail.to} />,
  <TimConversation onTimBeforeConversationAction={(e: TimBeforeConversationActionEvent) => e.preventDefault()} />,
  <TimProvider core={undefined} locale="zh" theme="dark" />,
  <tim-chat conversation-id="C2Cbob" no-back />,
  // React 19 sets properties and listens to `on<event-name>` on custom elements; the JSX types know both.
  <tim-chat conversationId="C2Cbob" ontim-navigate={(e) => e.detail.to} />,
];

export const errors = [
  // @ts-expect-error a misspelt event prop is a type error, not a listener that never fires
  <TimChat onTimNavigat={() => {}} />,
  // @ts-expect-error an event the element does not fire
  <TimChat onTimSession={() => {}} />,
  // @ts-expect-error the handler gets a TimNavigateEvent, whose intent has no `foo`
  <TimChat onTimNavigate={(e) => e.detail.foo} />,
  // @ts-expect-error conversationId is a string
  <TimChat conversationId={42} />,
  // @ts-expect-error theme is 'light' | 'dark' | 'auto'
  <TimProvider theme="blue" />,
  // @ts-expect-error an unknown tag
  <tim-chatt />,
  // @ts-expect-error the bare tag's listener gets a TimNavigateEvent too
  <tim-chat ontim-navigate={(e) => e.detail.foo} />,
  // @ts-expect-error a bare tag's property keeps its type
  <tim-chat noBack="yes" />,
];
