import { hostnameOf, isAllowedOrigin, isTrustedHost } from '../../../src/core/signaling/origin-policy';

describe('origin policy', () => {
  it('admits only pages served by this host, on a name that cannot be rebound', () => {
    expect(isAllowedOrigin('http://127.0.0.1:8080', '127.0.0.1:8080')).toBe(true);
    expect(isAllowedOrigin('http://localhost:8080', 'localhost:8080')).toBe(true);
    expect(isAllowedOrigin('http://[::1]:8080', '[::1]:8080')).toBe(true);
    expect(isAllowedOrigin('http://192.168.1.20:8080', '192.168.1.20:8080')).toBe(true);
  });

  it('refuses other origins, other ports, missing headers and rebindable host names', () => {
    expect(isAllowedOrigin('http://evil.example', '127.0.0.1:8080')).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:9999', '127.0.0.1:8080')).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1:8080')).toBe(false);
    expect(isAllowedOrigin(undefined, '127.0.0.1:8080')).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:8080', undefined)).toBe(false);
    expect(isAllowedOrigin('http://evil.example:8080', 'evil.example:8080')).toBe(false);
  });

  it('trusts a host name only when the operator listed it', () => {
    expect(isTrustedHost('station.lan:8080')).toBe(false);
    expect(isTrustedHost('station.lan:8080', { trustedHostnames: ['station.lan'] })).toBe(true);
    expect(
      isAllowedOrigin('http://station.lan:8080', 'station.lan:8080', { trustedHostnames: ['station.lan'] }),
    ).toBe(true);
  });

  it('parses Host headers strictly', () => {
    expect(hostnameOf('127.0.0.1:80')).toBe('127.0.0.1');
    expect(hostnameOf('[::1]:80')).toBe('::1');
    expect(hostnameOf('user@127.0.0.1')).toBeNull();
    expect(hostnameOf('127.0.0.1/path')).toBeNull();
    expect(hostnameOf('')).toBeNull();
  });
});
