import { describe, expect, it } from 'vitest';
import { parseJavaMajorVersion } from './java-toolchain';

describe('parseJavaMajorVersion', () => {
  it('reads modern version strings', () => {
    expect(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(parseJavaMajorVersion('java version "21" 2023-09-19 LTS')).toBe(21);
    expect(parseJavaMajorVersion('openjdk version "25-ea" 2025-09-16')).toBe(25);
  });

  it('reads the legacy 1.x scheme as its minor number', () => {
    expect(parseJavaMajorVersion('java version "1.8.0_392"')).toBe(8);
  });

  it('returns undefined for text without a version', () => {
    expect(parseJavaMajorVersion('bash: java: command not found')).toBeUndefined();
  });
});
