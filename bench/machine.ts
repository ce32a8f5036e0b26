// What the run ran on: a figure means little without the machine, the versions and how busy it was.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import type { Driver } from 'neo4j-driver';
import { CHROMIUM_PATH } from './browser';

export interface MachineInfo {
  hostname: string;
  platform: string;
  arch: string;
  cpuModel: string;
  cpus: number;
  memoryBytes: number;
  /** 1/5/15-minute load averages when the run started: other work on the machine shows here. */
  loadAverageAtStart: number[];
  node: string;
  java?: string;
  neo4j?: string;
  chromium?: string;
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    platform: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    memoryBytes: os.totalmem(),
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
    node: process.version,
    java: javaVersion(),
    chromium: firstLineOf(CHROMIUM_PATH, ['--version']),
  };
}

function firstLineOf(command: string, args: string[]): string | undefined {
  try {
    const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
    return `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n')[0]?.trim() || undefined;
  } catch {
    return undefined;
  }
}

function javaVersion(): string | undefined {
  try {
    const java = process.env.SCHAKEL_JAVA || (process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java');
    // `java -version` writes to stderr.
    const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
    return `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n')[0]?.trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function neo4jVersion(driver: Driver): Promise<string | undefined> {
  try {
    const { records } = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition');
    const record = records[0];
    return record ? `${record.get('name')} ${record.get('version')} ${record.get('edition')}` : undefined;
  } catch {
    return undefined;
  }
}
