/**
 * The Redis side of the rooms, as Lua scripts: each change to a room (a seat taken, taken back,
 * released, a room closed) runs atomically in Redis, so two nodes seating the same invite or the
 * same seat at once cannot both win. Keys (all under `rdv:`):
 *
 * - `rdv:room:<room>`: hash, peer id → seat JSON `{r: role, n: seat nonce, o: node, c: connection,
 *   x: resume expiry ms}`; `o` and `c` are empty while the seat is held for a resume. Expires
 *   ROOM_TTL after its last change, as its resume tokens do.
 * - `rdv:inv:<jti>`: a used invite, until the invite's expiry.
 * - `rdv:rev:<room>`: a closed room, as long as any token for it may be valid.
 * - `rdv:spent:<nonce>`: a seat that ended, until its last resume token's expiry.
 * - `rdv:rl:<client>`: joins and resumes of one client (address or /64) in the current window.
 * - `rdv:alive:<node>`: present while that node runs (refreshed every NODE_BEAT_MS, expires after
 *   NODE_ALIVE_MS). A seat counts as held for its resume token (a fresh link for its role still
 *   gets in, signals to it are `unknown-peer`, not lost in a dead channel) as soon as its node has
 *   no subscriber on its channel (the process died: Redis saw its connections close) or its alive
 *   key expired (its host vanished without closing them). The key's life is long, so that a node
 *   whose event loop is stalled for seconds under load is not taken for dead.
 * - channel `rdv:node:<node>`: messages for that node's sockets, `<connection id>\n<JSON>`.
 *
 * Payloads are passed through as strings, never decoded in Lua (cjson would turn `{}` into `[]`).
 */
export const KEY_PREFIX = 'rdv:';
export const nodeChannel = (node: string): string => `${KEY_PREFIX}node:${node}`;
export const roomKey = (room: string): string => `${KEY_PREFIX}room:${room}`;
export const inviteKey = (jti: string): string => `${KEY_PREFIX}inv:${jti}`;
export const revokedKey = (room: string): string => `${KEY_PREFIX}rev:${room}`;
export const spentKey = (nonce: string): string => `${KEY_PREFIX}spent:${nonce}`;
export const rateKey = (client: string): string => `${KEY_PREFIX}rl:${client}`;
export const aliveKey = (node: string): string => `${KEY_PREFIX}alive:${node}`;
export const NODE_BEAT_MS = 3000;
export const NODE_ALIVE_MS = 30_000;

const PRELUDE = `
local function isHeld(seat)
  if seat.o == '' then return true end
  if redis.call('PUBSUB', 'NUMSUB', '${KEY_PREFIX}node:' .. seat.o)[2] == 0 then return true end
  return redis.call('EXISTS', '${KEY_PREFIX}alive:' .. seat.o) == 0
end
local function publish(seat, json)
  if seat.o ~= '' then redis.call('PUBLISH', '${KEY_PREFIX}node:' .. seat.o, seat.c .. '\\n' .. json) end
end
local function others(room, except)
  local all = redis.call('HGETALL', room)
  local out = {}
  for i = 1, #all, 2 do
    if all[i] ~= except then table.insert(out, {all[i], cjson.decode(all[i + 1])}) end
  end
  return out
end
local function spend(seat, now)
  local ttl = math.floor(tonumber(seat.x) - now)
  if ttl > 0 then redis.call('SET', '${KEY_PREFIX}spent:' .. seat.n, '1', 'PX', ttl) end
end
local function endSeat(room, peer, now)
  local raw = redis.call('HGET', room, peer)
  if not raw then return end
  redis.call('HDEL', room, peer)
  spend(cjson.decode(raw), now)
  for _, o in ipairs(others(room, peer)) do
    publish(o[2], '{"type":"peer-left","peerId":"' .. peer .. '"}')
  end
  if redis.call('HLEN', room) == 0 then redis.call('DEL', room) end
end
local function seatHere(room, peer, role, nonce, node, conn, x, ttl)
  redis.call('HSET', room, peer, cjson.encode({r = role, n = nonce, o = node, c = conn, x = tonumber(x)}))
  redis.call('PEXPIRE', room, ttl)
  local result = {'ok'}
  for _, o in ipairs(others(room, peer)) do
    if not isHeld(o[2]) then
      publish(o[2], '{"type":"peer-joined","peer":{"peerId":"' .. peer .. '","role":"' .. role .. '"}}')
      table.insert(result, o[1])
      table.insert(result, o[2].r)
    end
  end
  return result
end
local function overRate(key, limit, windowMs)
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, windowMs) end
  return n > tonumber(limit)
end
`;

/**
 * KEYS: room, revoked, invite, rate. ARGV: peer, role, nonce, node, conn, inviteTtlMs, roomTtlMs,
 * roleCapacity, roomCapacity, resumeExpMs, nowMs, rateLimit, rateWindowMs.
 * → {'ok', peer, role, …} (the others connected) or {code}.
 */
export const JOIN_SCRIPT = `${PRELUDE}
if overRate(KEYS[4], ARGV[12], ARGV[13]) then return {'rate-limited'} end
if redis.call('EXISTS', KEYS[2]) == 1 then return {'revoked-token'} end
if redis.call('EXISTS', KEYS[3]) == 1 then return {'replayed-token'} end
local ofRole, total, held = 0, 0, nil
for _, o in ipairs(others(KEYS[1], '')) do
  total = total + 1
  if o[2].r == ARGV[2] then
    ofRole = ofRole + 1
    if isHeld(o[2]) and held == nil then held = o[1] end
  end
end
if ofRole >= tonumber(ARGV[8]) and held == nil then
  if total >= tonumber(ARGV[9]) then return {'room-full'} end
  return {'role-taken'}
end
redis.call('SET', KEYS[3], '1', 'PX', ARGV[6])
if ofRole >= tonumber(ARGV[8]) then endSeat(KEYS[1], held, tonumber(ARGV[11])) end
return seatHere(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[10], ARGV[7])
`;

/**
 * KEYS: room, revoked, spent, rate. ARGV: peer, role, nonce, node, conn, roomTtlMs, roleCapacity,
 * resumeExpMs, rateLimit, rateWindowMs. → {'ok', peer, role, …} or {code}.
 */
export const RESUME_SCRIPT = `${PRELUDE}
if overRate(KEYS[4], ARGV[9], ARGV[10]) then return {'rate-limited'} end
if redis.call('EXISTS', KEYS[2]) == 1 then return {'room-closed'} end
if redis.call('EXISTS', KEYS[3]) == 1 then return {'bad-resume'} end
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if raw then
  local seat = cjson.decode(raw)
  if seat.n ~= ARGV[3] or seat.r ~= ARGV[2] then return {'bad-resume'} end
  publish(seat, '{"type":"error","code":"seat-taken-over","message":"this seat was taken back by a newer connection"}')
else
  local ofRole = 0
  for _, o in ipairs(others(KEYS[1], '')) do
    if o[2].r == ARGV[2] then ofRole = ofRole + 1 end
  end
  if ofRole >= tonumber(ARGV[7]) then return {'bad-resume'} end
end
return seatHere(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[8], ARGV[6])
`;

/**
 * KEYS: room. ARGV: peer, conn, mode (leave | drop | drain), nowMs, node. Only the socket that holds
 * the seat releases it (a seat taken back elsewhere is no longer ours). → 1 released, 0 not ours.
 */
export const RELEASE_SCRIPT = `${PRELUDE}
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local seat = cjson.decode(raw)
if seat.c ~= ARGV[2] or seat.o ~= ARGV[5] then return 0 end
if ARGV[3] == 'leave' then
  endSeat(KEYS[1], ARGV[1], tonumber(ARGV[4]))
  return 1
end
seat.o = ''
seat.c = ''
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(seat))
if ARGV[3] == 'drop' then
  for _, o in ipairs(others(KEYS[1], ARGV[1])) do
    publish(o[2], '{"type":"peer-left","peerId":"' .. ARGV[1] .. '"}')
  end
end
return 1
`;

/** KEYS: room, revoked. ARGV: revokedTtlMs, nowMs. Every member, on every node, is sent away. */
export const CLOSE_SCRIPT = `${PRELUDE}
redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
for _, o in ipairs(others(KEYS[1], '')) do
  spend(o[2], tonumber(ARGV[2]))
  publish(o[2], '{"type":"error","code":"room-closed","message":"this room was closed by the station"}')
end
redis.call('DEL', KEYS[1])
return 1
`;

/** KEYS: room. ARGV: to, message JSON. → 1 handed to the target's node, 0 no such peer connected. */
export const RELAY_SCRIPT = `${PRELUDE}
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local seat = cjson.decode(raw)
if isHeld(seat) then return 0 end
publish(seat, ARGV[2])
return 1
`;

/**
 * Writes a seat this node holds back into Redis after Redis lost it (a restart without
 * persistence), or after this node may have missed messages (its subscriber was away): the others
 * connected are told `peer-joined` again (for them, a seat taken back) and listed in the reply, so
 * the node can tell its own client of those it missed. KEYS: room, revoked. ARGV: peer, role,
 * nonce, node, conn, resumeExpMs, roomTtlMs.
 * → {'ok', peer, role, …} (the others connected), {'revoked'} (the room was closed meanwhile) or
 * {'lost'} (the seat is someone else's now).
 */
export const REGISTER_SCRIPT = `${PRELUDE}
if redis.call('EXISTS', KEYS[2]) == 1 then return {'revoked'} end
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if raw then
  local seat = cjson.decode(raw)
  if seat.n ~= ARGV[3] then return {'lost'} end
  if seat.o ~= '' and (seat.o ~= ARGV[4] or seat.c ~= ARGV[5]) then return {'lost'} end
end
return seatHere(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7])
`;

/**
 * Undoes a join whose reply this node never read (a deadline passed, the connection dropped): its
 * client was refused `unavailable` and will come back with the same invite, which must then work.
 * Sent on the same connection after the join, so it runs after it if the join ran at all. Only the
 * seat that join made is removed (same nonce, node and connection): the others hear `peer-left`
 * and the invite is usable again. KEYS: room, invite. ARGV: peer, nonce, node, conn.
 * → 1 undone, 0 the join never seated anyone.
 */
export const UNJOIN_SCRIPT = `${PRELUDE}
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local seat = cjson.decode(raw)
if seat.n ~= ARGV[2] or seat.o ~= ARGV[3] or seat.c ~= ARGV[4] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
for _, o in ipairs(others(KEYS[1], ARGV[1])) do
  publish(o[2], '{"type":"peer-left","peerId":"' .. ARGV[1] .. '"}')
end
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('DEL', KEYS[1]) end
return 1
`;
