/**
 * The stores and indexes of LocalCore's database (`LocalSchema` in `database.ts` gives their records).
 * Only a browser's first visit creates them, so this loads on its own, when `openDatabase` finds the
 * database new.
 */
export function createSchema(db: IDBDatabase): void {
  const pair = (a: string, b: string) => ({ keyPath: [a, b] });
  db.createObjectStore('users', { keyPath: 'userID' });
  db.createObjectStore('friends', pair('owner', 'userID'));
  db.createObjectStore('blocks', pair('owner', 'userID'));
  db.createObjectStore('applications', pair('from', 'to')).createIndex('to', 'to');
  db.createObjectStore('groups', { keyPath: 'groupID' });
  db.createObjectStore('members', pair('groupID', 'userID')).createIndex('user', 'userID');
  db.createObjectStore('conversations', pair('owner', 'conversationID'));
  const messages = db.createObjectStore('messages', { keyPath: 'ID' });
  messages.createIndex('conv', ['key', 'seq']);
  messages.createIndex('chg', 'chg');
  db.createObjectStore('counters');
  db.createObjectStore('meta');
  db.createObjectStore('blobs');
  db.createObjectStore('outbox', { keyPath: 'ID' }).createIndex('owner', 'owner');
}
