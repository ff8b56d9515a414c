/**
 * LocalCore builds its search index from one snapshot, reading either the whole message store (when the
 * user's messages are most of it) or each conversation (when they are a small part): both must index
 * exactly the messages the user can see.
 */
import { expect } from '@open-wc/testing';
import type { ConversationID, Message } from '../../src/index.js';
import type { LocalCore } from '../../src/core/local/index.js';
import { searchableText } from '../../src/core/local/search-index.js';
import { deleteDb, makeCore, uniqueDbName } from '../helpers/kit.js';

/** Every message of every conversation of the user, through the history API. */
async function visibleMessages(core: LocalCore): Promise<Message[]> {
  const all: Message[] = [];
  for (const c of await core.getConversationList()) {
    let next: string | undefined;
    for (;;) {
      const page = await core.getMessageList({ conversationID: c.conversationID, count: 100, ...(next ? { nextReqMessageID: next } : {}) });
      all.push(...page.messageList);
      if (page.isCompleted || !page.nextReqMessageID) break;
      next = page.nextReqMessageID;
    }
  }
  return all;
}

async function searchAll(core: LocalCore, keyword: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  do {
    const page = await core.searchMessages({ keywordList: [keyword], count: 100, ...(cursor ? { cursor } : {}) });
    for (const group of page.resultList) ids.push(...group.messageList.map((m) => m.ID));
    cursor = page.cursor;
  } while (cursor);
  return ids;
}

describe('LocalCore search index', () => {
  const dbName = uniqueDbName('search-build');
  const cores: LocalCore[] = [];
  after(async () => {
    await Promise.all(cores.map((c) => c.destroy().catch(() => undefined)));
    await deleteDb(dbName);
  });

  // alice's messages are most of the demo world (whole-store read); seoyeon's a small part (per conversation).
  for (const [user, keyword] of [
    ['alice', 'the'],
    ['seoyeon', '스터디'],
  ] as const) {
    it(`indexes exactly what ${user} can see`, async () => {
      const { core } = await makeCore({ dbName, user });
      cores.push(core);
      const expected = (await visibleMessages(core)).filter((m) => !m.isRevoked && searchableText(m).normalize('NFKC').toLowerCase().includes(keyword));
      const found = await searchAll(core, keyword);
      expect(found.length).to.be.greaterThan(0);
      expect([...found].sort()).to.deep.equal(expected.map((m) => m.ID).sort());
    });
  }

  it('leaves out a cleared history in a fresh index', async () => {
    const { core } = await makeCore({ dbName, user: 'alice' });
    cores.push(core);
    const before = await core.searchMessages({ keywordList: ['sync'], conversationID: 'C2Cbob' as ConversationID });
    expect(before.totalCount).to.be.greaterThan(0);
    await core.clearHistory('C2Cbob' as ConversationID);
    const { core: fresh } = await makeCore({ dbName, user: 'alice' });
    cores.push(fresh);
    expect((await fresh.searchMessages({ keywordList: ['sync'], conversationID: 'C2Cbob' as ConversationID })).totalCount).to.equal(0);
    expect((await fresh.searchMessages({ keywordList: ['sync'] })).totalCount).to.be.greaterThan(0);
  });
});
