import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { instancePaths, resolveDataDir } from './paths';

describe('resolveDataDir', () => {
  it('prefers SCHAKEL_DATA_DIR on every platform', () => {
    expect(resolveDataDir({ SCHAKEL_DATA_DIR: '/srv/schakel', HOME: '/home/a' }, 'linux')).toBe(path.resolve('/srv/schakel'));
    expect(resolveDataDir({ SCHAKEL_DATA_DIR: '/srv/schakel', HOME: '/Users/a' }, 'darwin')).toBe(path.resolve('/srv/schakel'));
  });

  it('uses XDG_DATA_HOME on Linux, else ~/.local/share', () => {
    expect(resolveDataDir({ HOME: '/home/a', XDG_DATA_HOME: '/data/xdg' }, 'linux')).toBe('/data/xdg/schakel');
    expect(resolveDataDir({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.local/share/schakel');
    // Relative XDG paths are invalid per the spec and ignored.
    expect(resolveDataDir({ HOME: '/home/a', XDG_DATA_HOME: 'rel' }, 'linux')).toBe('/home/a/.local/share/schakel');
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(resolveDataDir({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Application Support/Schakel');
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\a\\AppData\\Roaming\\Schakel');
  });
});

describe('instancePaths', () => {
  it('keeps everything of the instance under <dataDir>/neo4j', () => {
    const paths = instancePaths('/d');
    expect(paths.home).toBe('/d/neo4j');
    expect(paths.stateFile).toBe('/d/neo4j/schakel-local.json');
    expect(paths.launcherLog.startsWith('/d/neo4j/')).toBe(true);
  });
});
