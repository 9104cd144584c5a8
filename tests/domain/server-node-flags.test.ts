import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../scripts/server-node-flags.js';

describe('the flags node runs the server with', () => {
  it('are those of npm start, which the tests, benchmarks and cluster use too', () => {
    const start = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string;
    expect(start).toBe(`exec node ${SERVER_NODE_FLAGS.join(' ')} dist/node/server/main.js`);
  });
});
