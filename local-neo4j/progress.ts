// Percentages for the long first-run steps (the Maven build of the launcher, the database start), so a new
// user sees that something moves. Maven prints no overall progress: we read its log for the build phases
// and for the jars it downloads on a cold cache. Neo4j prints none while it starts: we estimate from the
// previous start on this machine.

/** Build phases in the order Maven runs them for `package dependency:copy-dependencies`, with the share done at their start. */
const MAVEN_PHASES: [RegExp, number][] = [
  [/maven-resources-plugin:[^ ]+:resources /, 5],
  [/maven-compiler-plugin:[^ ]+:compile /, 20],
  [/maven-compiler-plugin:[^ ]+:testCompile /, 50],
  [/maven-jar-plugin:[^ ]+:jar /, 70],
  [/maven-dependency-plugin:[^ ]+:copy-dependencies /, 85],
  [/BUILD SUCCESS/, 100],
];
/** Jars a build with an empty Maven cache downloads (the launcher's ~213 dependencies plus Maven's plugins). */
export const COLD_BUILD_JAR_DOWNLOADS = 280;

/** How far a Maven build is, 0–100, from the text of its log so far. */
export function mavenBuildPercent(log: string): number {
  let phase = 0;
  for (const [marker, percent] of MAVEN_PHASES) if (marker.test(log)) phase = Math.max(phase, percent);
  const downloads = log.match(/Downloaded from [^\n]*\.jar/g)?.length ?? 0;
  // On a cold cache the downloads are most of the time, and happen before and during the early phases.
  const downloading = Math.round(80 * Math.min(1, downloads / COLD_BUILD_JAR_DOWNLOADS));
  return Math.max(phase, downloading);
}

/** An estimate for a wait with no progress of its own: never 100 % before it is really done. */
export function estimatedPercent(elapsedMs: number, expectedMs: number): number {
  if (expectedMs <= 0) return 0;
  return Math.min(95, Math.round((100 * elapsedMs) / expectedMs));
}

/**
 * Calls `report` every `intervalMs` when the percentage moved by at least `step` points since the last
 * report, until the returned function is called.
 */
export function reportPercentages(percent: () => number, report: (percent: number) => void, intervalMs = 3_000, step = 5): () => void {
  let last = -Infinity;
  const tick = () => {
    const now = percent();
    if (now - last >= step) {
      last = now;
      report(now);
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
