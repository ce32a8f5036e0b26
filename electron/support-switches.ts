// What a packaged build allows. DevTools hand whoever opens them the raw API (every operation, no UI
// checks), so an installed Schakel has none, unless the helpdesk sets the documented support switch
// SCHAKEL_SUPPORT_DEVTOOLS=1 for one diagnosis session. Running from a checkout keeps them.
export const SUPPORT_DEVTOOLS_SWITCH = 'SCHAKEL_SUPPORT_DEVTOOLS';

export function devToolsAllowed(packaged: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return !packaged || env[SUPPORT_DEVTOOLS_SWITCH] === '1';
}
