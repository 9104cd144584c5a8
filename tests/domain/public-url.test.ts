import { describe, expect, it } from 'vitest';
import { isTestAddress } from '../../src/server/domain/public-url.js';

describe('which PUBLIC_URL a phone in the street can open', () => {
  it('takes loopback, private, link-local and local names for test addresses', () => {
    for (const url of [
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://10.0.0.5',
      'http://172.20.1.1',
      'http://192.168.1.10:8080',
      'http://169.254.3.3',
      'http://[::1]:3000',
      'http://[fd00::1]',
      'http://qr.local',
      'not a url',
    ])
      expect(isTestAddress(url), url).toBe(true);
  });

  it('takes public names and addresses for real ones', () => {
    for (const url of [
      'https://qr.example.vn',
      'https://khaibao.angiang.gov.vn',
      'http://203.162.4.191',
      'http://172.32.0.1',
    ])
      expect(isTestAddress(url), url).toBe(false);
  });
});
