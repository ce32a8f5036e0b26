import { describe, expect, it } from 'vitest';
import { COLD_BUILD_JAR_DOWNLOADS, estimatedPercent, mavenBuildPercent } from './progress';

describe('Maven build progress', () => {
  it('follows the build phases on a warm cache', () => {
    expect(mavenBuildPercent('')).toBe(0);
    expect(mavenBuildPercent('[INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ x ---')).toBe(20);
    expect(mavenBuildPercent('[INFO] --- maven-dependency-plugin:3.8.1:copy-dependencies (default-cli) @ x ---')).toBe(85);
    expect(mavenBuildPercent('...\n[INFO] BUILD SUCCESS\n')).toBe(100);
  });

  it('counts jar downloads on a cold cache, never past 80 % before the late phases', () => {
    const downloads = (n: number) => Array.from({ length: n }, (_, i) => `[INFO] Downloaded from central: https://repo/x${i}.jar (1 kB at 1 MB/s)`).join('\n');
    expect(mavenBuildPercent(downloads(COLD_BUILD_JAR_DOWNLOADS / 2))).toBe(40);
    expect(mavenBuildPercent(downloads(COLD_BUILD_JAR_DOWNLOADS * 2))).toBe(80);
    expect(mavenBuildPercent(`${downloads(10)}\nDownloaded from central: https://repo/x.pom`)).toBe(Math.round((80 * 10) / COLD_BUILD_JAR_DOWNLOADS));
  });
});

describe('estimated progress', () => {
  it('grows with time and stays below 100 % until the step is done', () => {
    expect(estimatedPercent(0, 20_000)).toBe(0);
    expect(estimatedPercent(10_000, 20_000)).toBe(50);
    expect(estimatedPercent(60_000, 20_000)).toBe(95);
  });
});
