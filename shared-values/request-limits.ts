// The bounds of the requests the renderer sends: the contract's schemas enforce them, the renderer's
// controls stay inside them (an analyst is never offered a value the backend would refuse).

/** Entities expanded in one request, and the neighbours one expansion brings at most (default and cap). */
export const MAX_EXPAND_IDS = 500;
export const DEFAULT_EXPAND_LIMIT = 2_000;
export const MAX_EXPAND_LIMIT = 10_000;

/** Shortest paths: between at most this many entities, over at most this many hops. */
export const MAX_PATH_IDS = 10;
export const MAX_PATH_HOPS = 10;
export const DEFAULT_PATH_HOPS = 6;

/** Connecting network: the same for the network that joins a selection. */
export const MAX_NETWORK_IDS = 50;
export const MAX_NETWORK_HOPS = 4;
export const DEFAULT_NETWORK_HOPS = 2;

/** Entities one lookup of confirmed SAME_AS links takes (a big chart is asked in parts). */
export const MAX_SAME_AS_IDS = 20_000;
