/**
 * Error texts the first screen carries: those of the errors that come when the network is down or flaky
 * (no network, timeouts, a failed send), of a session that ended (not logged in, kicked out, ticket
 * expired), and the generic one. A lazy chunk cannot be fetched then. The texts of the errors only a
 * reachable service returns are the `moreErrors` area, loaded on first use. By service code where the code
 * says something precise, else by category (`classifyError`).
 */
export default {
  byCode: {
    2024: 'You are not logged in.',
    2100: 'The message could not be sent.',
    2800: 'Network error. Check your connection.',
    2801: 'The request timed out.',
    2805: 'No network connection.',
    2806: 'Part of this page could not be loaded. Check your connection, then reload the page.',
    3000: 'Still logging in…',
    3002: 'You logged in on another device.',
    3003: 'You logged in somewhere else.',
    3004: 'Your session expired.',
    3005: 'You are logged out.',
    70001: 'Your session expired.',
  } as Record<number, string>,
  byCategory: {
    network: 'Network error. Check your connection and try again.',
    session: 'Your session ended. Log in again.',
    unknown: 'Something went wrong.',
  },
};
