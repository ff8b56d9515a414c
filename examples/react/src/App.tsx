import { useEffect, useState, type FormEvent } from 'react';
import { TimChat, TimConversation, TimProfile, TimProvider, TimSearch } from 'tim-elements/react';
import type { TimNavigateEvent, TimNavigateIntent, UserProfile } from 'tim-elements';
import type { LocalCore } from 'tim-elements/core/local';

/** A route is where an element asked to go; `back` is the browser's history. */
type Route = Exclude<TimNavigateIntent, { to: 'back' }>;
const HOME: Route = { to: 'conversations' };

export function App({ core }: { core: LocalCore }) {
  const [userID, setUserID] = useState(core.isReady() ? core.getLoginUser() : '');
  const [route, setRoute] = useState<Route>((history.state as Route | null) ?? HOME);

  // Routing is React state, kept in the browser's history so Back works.
  useEffect(() => {
    const onPop = (event: PopStateEvent) => setRoute((event.state as Route | null) ?? HOME);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = (event: TimNavigateEvent) => {
    const intent = event.detail;
    if (intent.to === 'back') return history.back();
    history.pushState(intent, '');
    setRoute(intent);
  };

  if (!userID) return <Login core={core} onLogin={setUserID} />;
  return (
    <TimProvider core={core} className="app">
      <TimConversation activeConversationId={route.to === 'chat' ? route.conversationID : ''} onTimNavigate={navigate} />
      <main>
        {route.to === 'chat' ? (
          <TimChat conversationId={route.conversationID} messageId={route.messageID ?? ''} onTimNavigate={navigate} />
        ) : route.to === 'profile' ? (
          <TimProfile userId={route.userID} onTimNavigate={navigate} />
        ) : route.to === 'group' ? (
          <TimProfile groupId={route.groupID} onTimNavigate={navigate} />
        ) : route.to === 'search' ? (
          <TimSearch conversationId={route.conversationID ?? ''} onTimNavigate={navigate} />
        ) : (
          <p className="placeholder">Pick a conversation.</p>
        )}
      </main>
    </TimProvider>
  );
}

function Login({ core, onLogin }: { core: LocalCore; onLogin: (userID: string) => void }) {
  const [users, setUsers] = useState<UserProfile[]>([]);
  const [error, setError] = useState('');
  useEffect(() => void core.listUsers().then(setUsers), [core]);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const userID = new FormData(event.currentTarget).get('user') as string;
    try {
      await core.login({ userID });
      onLogin(userID);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="login" onSubmit={submit}>
      <label>
        User{' '}
        <select name="user">
          {users.map((u) => (
            <option key={u.userID} value={u.userID}>
              {u.nick || u.userID}
            </option>
          ))}
        </select>
      </label>
      <button disabled={!users.length}>Log in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
