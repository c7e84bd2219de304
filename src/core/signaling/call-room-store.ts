import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { MAX_REVOKED_PER_TOKEN } from './invite-token';

/**
 * What the call service must not forget when the Node host restarts during a consultation: the
 * room the consultation's call lives in (so the station's page rejoins it, and the doctor's open
 * page resumes into it, with no new link), the consultation that owns it, the rooms it left (still
 * refused after the restart), and the consultant invites already used in it (a used link seats no
 * one else, restart or not).
 *
 * None of it is secret: a room id is inside every invite link in clear, and an invite id only
 * spends that invite. The keys that sign invites and resume tokens live apart (signaling-secret.ts),
 * and are never written here. So the file is plain JSON, owner-only (0600) like the settings,
 * written atomically; a missing or malformed file is an empty memory, never a crash.
 */
const roomId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** Used invites remembered per room: a few links per consultation at most. */
export const MAX_SPENT_INVITES = 64;

export const callRoomStateSchema = z.strictObject({
  room: roomId,
  /**
   * The consultation whose call this room is; null once it ended: then only the rooms it left are
   * kept (still refused after a restart), never the room itself.
   */
  owner: z.string().min(1).max(128).nullable(),
  leftRooms: z.array(roomId).max(MAX_REVOKED_PER_TOKEN),
  /** Invite ids (`jti`) used in this room, with their expiry (epoch ms). */
  spentInvites: z
    .array(z.strictObject({ jti: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/), expMs: z.number().int() }))
    .max(MAX_SPENT_INVITES),
});
export type CallRoomState = z.infer<typeof callRoomStateSchema>;

export interface CallRoomStore {
  load(): CallRoomState | null;
  save(state: CallRoomState): void;
}

export function memoryCallRoomStore(initial: CallRoomState | null = null): CallRoomStore {
  let kept = initial;
  return {
    load: () => kept,
    save: (state) => {
      kept = state;
    },
  };
}

export const CALL_ROOM_FILE_NAME = 'call-room.json';

export function fileCallRoomStore(
  file: string,
  warn: (message: string) => void = (message) => console.warn(message),
): CallRoomStore {
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (cause) {
        if ((cause as { code?: unknown }).code !== 'ENOENT') warn(`call room: cannot read ${file}`);
        return null;
      }
      let where = 'not JSON';
      try {
        const parsed = callRoomStateSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
      } catch {
        // not JSON: as malformed
      }
      warn(`call room: ${file} is malformed (${where}); a consultation's call starts in a new room`);
      return null;
    },
    save(state) {
      try {
        const temp = `${file}.tmp`;
        writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
        chmodSync(temp, 0o600);
        renameSync(temp, file);
      } catch (cause) {
        // The call goes on; only a restart of the host would lose the room.
        warn(`call room: cannot save ${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
      }
    },
  };
}
