import { describe, expect, it } from 'vitest';
import { lsnValue, ReplicaLag } from '../../src/server/db/replica-lag.js';

describe('the delay of a replica behind its primary', () => {
  it('orders WAL positions as PostgreSQL prints them', () => {
    expect(lsnValue('0/16B3748') < lsnValue('0/16B3750')).toBe(true);
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true);
    expect(() => lsnValue('nonsense')).toThrow(/WAL position/);
  });

  it('is the age of the oldest primary position the replica has not replayed', () => {
    const lag = new ReplicaLag();
    lag.primaryAt('0/100', 1_000);
    lag.primaryAt('0/200', 2_000);
    lag.primaryAt('0/300', 3_000);
    expect(lag.replayedTo('0/0F0', 4_000)).toBe(3_000);
    expect(lag.replayedTo('0/200', 4_000)).toBe(1_000);
    expect(lag.replayedTo('0/300', 4_000)).toBe(0);
  });

  it('stays 0 while an idle primary writes nothing, however long', () => {
    const lag = new ReplicaLag();
    lag.primaryAt('0/500', 1_000);
    expect(lag.replayedTo('0/500', 1_500)).toBe(0);
    lag.primaryAt('0/500', 600_000);
    expect(lag.replayedTo('0/500', 600_500)).toBe(0);
  });

  it('keeps counting from the first unreplayed position while the primary keeps writing', () => {
    const lag = new ReplicaLag();
    lag.primaryAt('0/100', 0);
    for (let t = 1000; t <= 10_000; t += 1000) lag.primaryAt(`0/${(0x100 + t).toString(16)}`, t);
    expect(lag.replayedTo('0/0', 10_000)).toBe(10_000);
  });
});
