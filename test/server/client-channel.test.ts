import type { WebSocket } from 'ws';
import { ClientChannel, coalesceKeyOf } from '../../src/server/client-channel';

/** Just the part of a ws WebSocket the channel uses, with a bufferedAmount the test controls. */
class SlowSocket {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  terminated = false;
  readonly sent: string[] = [];
  send(json: string): void {
    this.sent.push(json);
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }
}

const limits = { highWaterBytes: 100, maxBufferedBytes: 1000 };

function channelOver(socket: SlowSocket): ClientChannel {
  return new ClientChannel(socket as unknown as WebSocket, limits);
}

describe('ClientChannel backpressure', () => {
  it('sends events straight through while the socket keeps up', () => {
    const socket = new SlowSocket();
    const channel = channelOver(socket);
    channel.sendEvent('r1', null);
    channel.sendEvent('d1', 'device.state:a');
    expect(socket.sent).toEqual(['r1', 'd1']);
  });

  it('drops reading batches and coalesces state events per key while over the high-water mark', () => {
    const socket = new SlowSocket();
    const channel = channelOver(socket);
    socket.bufferedAmount = 500;
    for (let i = 0; i < 1000; i++) channel.sendEvent(`r${i}`, null);
    channel.sendEvent('a-old', 'device.state:a');
    channel.sendEvent('b', 'device.state:b');
    channel.sendEvent('a-new', 'device.state:a');
    expect(socket.sent).toEqual([]);
    expect(channel.droppedEvents).toBe(1000);
    expect(channel.pendingEvents).toBe(2);

    socket.bufferedAmount = 0;
    channel.flushPending();
    expect(socket.sent).toEqual(['b', 'a-new']);
    expect(channel.pendingEvents).toBe(0);
  });

  it('cuts off a client whose buffer passes the hard cap', () => {
    const socket = new SlowSocket();
    const channel = channelOver(socket);
    socket.bufferedAmount = 5000;
    channel.sendReply('{"id":1}');
    expect(socket.terminated).toBe(true);
    expect(socket.sent).toEqual([]);
  });

  it('keys device.state by device id and never coalesces readings', () => {
    expect(coalesceKeyOf('readings', { seq: 1, readings: [] })).toBeNull();
    expect(coalesceKeyOf('device.state', { id: 'x@/dev/a' })).toBe('device.state:x@/dev/a');
    expect(coalesceKeyOf('settings.changed', {})).toBe('settings.changed');
  });
});
