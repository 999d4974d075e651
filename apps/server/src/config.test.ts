import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';

describe('configFromEnv', () => {
  it('fsyncs after the broadcast unless told to fsync before it', () => {
    expect(configFromEnv({}).fsync).toBe('after-broadcast');
    expect(configFromEnv({ PLENARY_FSYNC: 'before-broadcast' }).fsync).toBe('before-broadcast');
  });

  it('refuses an unknown fsync mode, naming the ones it knows', () => {
    expect(() => configFromEnv({ PLENARY_FSYNC: 'always' })).toThrow(
      'PLENARY_FSYNC must be one of after-broadcast, before-broadcast; got "always"',
    );
  });
});
