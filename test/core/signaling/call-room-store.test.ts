import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCallService, type CallService } from '../../../src/core/signaling/call-service';
import {
  fileCallRoomStore,
  memoryCallRoomStore,
  type CallRoomStore,
} from '../../../src/core/signaling/call-room-store';
import { randomId, verifyToken } from '../../../src/core/signaling/invite-token';
import { RendezvousRooms, type SignalingConnection } from '../../../src/core/signaling/rendezvous-server';
import type { ServerMessage } from '../../../src/shared/call/signaling';

const SECRET = Buffer.alloc(32, 5);
const NOW = Date.parse('2026-11-25T12:00:00Z');

/** A host's call service, as the embedded rendezvous builds it: a restart is a new one on the same store. */
function host(store: CallRoomStore, closed: string[] = []): CallService {
  return createCallService({
    secret: SECRET,
    rendezvousOrigin: () => 'http://127.0.0.1:8080',
    now: () => NOW,
    store,
    onRoomClosed: (room) => closed.push(room),
  });
}

function claimsOf(token: string) {
  const check = verifyToken(SECRET, token, NOW);
  if (!check.ok) throw new Error('token must verify');
  return check.claims;
}

const roomOf = async (call: CallService): Promise<string> => claimsOf((await call.join()).token).room;

describe('the call room across a restart of the host', () => {
  it("keeps an active consultation's room: the station rejoins it, a new link leads there", async () => {
    const store = memoryCallRoomStore();
    const before = host(store);
    before.bindRoom('consultation-a');
    const room = await roomOf(before);

    const after = host(store);
    // The consent gate binds the same consultation again on the next join or invite: no move.
    after.bindRoom('consultation-a');
    expect(await roomOf(after)).toBe(room);
    expect(claimsOf((await after.invite({})).consultantToken).room).toBe(room);
  });

  it('keeps the invites used in the room, so a used link seats no one else after the restart', async () => {
    const store = memoryCallRoomStore();
    const before = host(store);
    before.bindRoom('consultation-a');
    const used = (await before.invite({})).consultantToken;
    const invite = claimsOf(used);
    before.inviteSpent?.({ room: invite.room, jti: invite.jti, expMs: invite.exp * 1000 });
    // Another room's invite is not this consultation's to remember.
    before.inviteSpent?.({ room: randomId(), jti: randomId(), expMs: NOW + 60_000 });

    const after = host(store);
    after.bindRoom('consultation-a');
    expect(after.spentInvites?.()).toEqual([{ jti: invite.jti, expMs: invite.exp * 1000 }]);
    // The restarted rendezvous, started with them, refuses the used link and seats a fresh one.
    const rooms = new RendezvousRooms({
      secret: SECRET,
      iceServersFor: () => [],
      now: () => NOW,
      spentInvites: after.spentInvites?.() ?? [],
    });
    const joinWith = (token: string): ServerMessage | undefined => {
      const sent: ServerMessage[] = [];
      const connection: SignalingConnection = { send: (m) => sent.push(m), close: () => undefined };
      rooms.handleText(connection, JSON.stringify({ type: 'join', token }));
      return sent[0];
    };
    expect(joinWith(used)).toMatchObject({ type: 'error', code: 'replayed-token' });
    expect(joinWith((await after.invite({})).consultantToken)).toMatchObject({ type: 'joined' });
  });

  it('is told of every consultant invite the rendezvous spends', async () => {
    const spent: { room: string; jti: string }[] = [];
    const store = memoryCallRoomStore();
    const call = host(store);
    call.bindRoom('consultation-a');
    const rooms = new RendezvousRooms({
      secret: SECRET,
      iceServersFor: () => [],
      now: () => NOW,
      onInviteSpent: (invite) => {
        spent.push(invite);
        call.inviteSpent?.(invite);
      },
    });
    const connection: SignalingConnection = { send: () => undefined, close: () => undefined };
    const token = (await call.invite({})).consultantToken;
    rooms.handleText(connection, JSON.stringify({ type: 'join', token }));
    rooms.handleText(
      { send: () => undefined, close: () => undefined },
      JSON.stringify({ type: 'join', token: (await call.join()).token }),
    );
    // The consultant's invite, not the station's token (fresh on every join, never a link).
    expect(spent.map((s) => s.jti)).toEqual([claimsOf(token).jti]);
    expect(store.load()?.spentInvites.map((s) => s.jti)).toEqual([claimsOf(token).jti]);
  });

  it('forgets the room once the consultation ended, but keeps the rooms it left closed', async () => {
    const store = memoryCallRoomStore();
    const before = host(store);
    before.bindRoom('consultation-a');
    const room = await roomOf(before);
    before.releaseRoom?.('consultation-a');

    const closed: string[] = [];
    const after = host(store, closed);
    expect(closed).toContain(room);
    after.bindRoom('consultation-a');
    expect(await roomOf(after)).not.toBe(room);
    expect(after.spentInvites?.()).toEqual([]);
  });

  it('moves with a new consultation or newRoom, and the restart follows the move', async () => {
    const store = memoryCallRoomStore();
    const before = host(store);
    before.bindRoom('consultation-a');
    const first = await roomOf(before);
    await before.invite({ newRoom: true });
    const second = await roomOf(before);
    expect(second).not.toBe(first);
    const after = host(store);
    after.bindRoom('consultation-a');
    expect(await roomOf(after)).toBe(second);
    after.bindRoom('consultation-b');
    expect(await roomOf(after)).not.toBe(second);
  });
});

describe('the call room file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'call-room-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips the state, owner-only, through a restart', async () => {
    const file = join(dir, 'call-room.json');
    const before = host(fileCallRoomStore(file));
    before.bindRoom('consultation-a');
    const room = await roomOf(before);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const after = host(fileCallRoomStore(file));
    after.bindRoom('consultation-a');
    expect(await roomOf(after)).toBe(room);
  });

  it('reads a missing file as no memory, and a malformed one as no memory with a warning', () => {
    const file = join(dir, 'call-room.json');
    const warnings: string[] = [];
    expect(fileCallRoomStore(file, (w) => warnings.push(w)).load()).toBeNull();
    expect(warnings).toEqual([]);
    for (const junk of [
      '{',
      '[]',
      JSON.stringify({ room: 'short', owner: 'a', leftRooms: [], spentInvites: [] }),
    ]) {
      writeFileSync(file, junk);
      expect(fileCallRoomStore(file, (w) => warnings.push(w)).load()).toBeNull();
    }
    expect(warnings).toHaveLength(3);
    expect(warnings[2]).toMatch(/malformed \(room\)/);
    expect(readFileSync(file, 'utf8')).toContain('short');
  });
});
